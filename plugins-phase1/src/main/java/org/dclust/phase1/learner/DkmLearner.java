package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainableCentres;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.Optimizers;
import org.dclust.api.train.ParamOptimizer;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.TrainingContext;

/**
 * DKM, Deep k-Means (Fard, Thonet and Gaussier 2020): the autoencoder and the cluster representatives
 * r_k are learned truly jointly by gradient descent (Adam) on the summed squared reconstruction error
 * plus λ times the softmin-weighted squared distances to the representatives ({@link DkmLoss}).
 * The inverse temperature α is annealed: α_1 = {@code alpha} (0.1), then α_{n+1} = 2^(1/ln(n+1)²)·α_n
 * every {@code epochsPerAlpha} epochs (the paper: 40 values × 5 epochs = 200 epochs; the default
 * preset walks the same 40 values one epoch each; a shorter {@code epochs} stops earlier on the ladder). With {@code annealing = false}, α stays at
 * {@code alpha} (the paper's pretrained variant DKM_p uses a constant α = 1000).
 *
 * <p>It starts from the shared pretraining and k-means on its codes. The paper pairs annealing with
 * randomly initialised networks and a constant α with pretraining; here every learner starts from
 * the shared pretraining, and annealing from α = 0.1 is the default as the issue asks. λ = 1 is the
 * paper's value for MNIST-like data.
 *
 * <p>Checkpoints hold the network, Adam's moments, the representatives and the epoch (which fixes α).
 * The returned model's own assignment is the nearest representative, which is also the argmax of the
 * softmin weights at every α.
 *
 * @param name the provider name (also the checkpoint phase)
 * @param params the parameters {@link #parameters} declares
 */
public record DkmLearner(String name, Params params) implements LatentLearner {

    /** DKM's declarations with their defaults. */
    static List<ParamSpec> parameters(int epochs) {
        List<ParamSpec> p = new ArrayList<>(PretrainedStart.parameters());
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "clustering epochs (epochsPerAlpha per value of α)"));
        p.addAll(Optimizers.parameters(Optimizers.ADAM, 1e-3, 0.9));
        p.add(ParamSpec.real("lambda", 1.0, 0.0, 1e6, "weight λ of the softmin-weighted k-means term against the summed squared reconstruction error"));
        p.add(ParamSpec.real("alpha", 0.1, 1e-6, 1e6, "the first inverse temperature α_1 of the softmin (the constant α without annealing)"));
        p.add(ParamSpec.bool("annealing", true, "anneal α by α_{n+1} = 2^(1/ln(n+1)²)·α_n; false keeps α constant"));
        p.add(ParamSpec.integer("epochsPerAlpha", 1, 1, 1_000_000, "epochs trained at each value of α (the paper: 5)"));
        return p;
    }

    /** The α of a 0-based epoch. */
    double alphaAt(int epoch) {
        double a1 = params.getDouble("alpha");
        return params.getBool("annealing") ? DkmLoss.alpha(epoch / params.getInt("epochsPerAlpha"), a1) : a1;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        AutoEncoder net = start.network();
        double lambda = params.getDouble("lambda");
        try (TrainableCentres centres = new TrainableCentres(net.manager(), start.kmeans().centres());
                ParamOptimizer opt = Optimizers.create(params, centres.after(net.parameters()), net.manager())) {
            int[] epoch = {0};
            TrainingState state = TrainingState.of(net, opt).array("centres", centres.array())
                    .integer("epoch", () -> epoch[0], v -> epoch[0] = (int) v);
            EpochMeans means = new EpochMeans();
            EpochLoop.run(name, params.getInt("epochs"), data.size(), params.getInt("batchSize"), ctx, net.manager(), state, (scope, idx) -> {
                double alpha = alphaAt(epoch[0]);
                NDArray x = data.batch(scope, idx);
                NDArray rec;
                NDArray clu;
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = net.encode(x, true);
                    rec = Reconstruction.summedSquared(net.decode(z, true), x);
                    clu = DkmLoss.clustering(z, centres.inScope(scope), alpha);
                    loss = rec.add(Scalars.mul(clu, (float) lambda));
                    gc.backward(loss);
                }
                opt.step(scope);
                double l = loss.getFloat();
                means.add(idx.length, "reconstruction", rec, "clustering", clu);
                return l;
            }, epochsDone -> {
                Map<String, Double> v = means.take();
                v.put("alpha", alphaAt(epoch[0]));
                epoch[0] = epochsDone;
                return v;
            });
            return new LatentModel(name, net, centres.toMatrix(), SoftAssignment.nearest());
        }
    }
}
