package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.Optimizers;
import org.dclust.api.train.ParamOptimizer;
import org.dclust.api.train.TrainingContext;

/**
 * DCN, the Deep Clustering Network (Yang, Fu, Sidiropoulos and Hong 2017): an autoencoder trained on
 * reconstruction plus (λ/2) times the squared distance of each code to its assigned centre
 * ({@link DcnLoss}, eq. 5), with hard assignments and k-means-style centres, optimised by the paper's
 * alternating scheme (Algorithm 1). Per batch: (1) one optimizer step on the network with the stored
 * assignments s_i and the centres M held fixed; (2) the batch is encoded again with the updated
 * network and each sample assigned to its nearest centre; (3) the centres move by the per-cluster
 * count rule ({@link CountRule}), the counts starting at 100 as in the authors' code.
 *
 * <p>It starts from the shared pretraining and k-means on its codes (the authors pretrain layer-wise
 * then end to end; here the shared end-to-end pretraining stands in). The paper tunes λ per data
 * set; the default λ = 1 weighs the summed squared reconstruction error and the squared latent
 * distance about as the authors' raw-MNIST script does (both terms weight 1 there, with its own
 * input scaling). The optimizer is the authors' SGD with momentum 0.9 at lr 1e-4 (their Nesterov-like
 * form and doubled bias rate are not reproduced); their periodic k-means restarts during training
 * are not part of the paper's algorithm and are left out.
 *
 * <p>Checkpoints hold the network, the optimizer's momentum, the centres, the counts and every
 * sample's assignment. The returned model's own assignment is the nearest centre.
 *
 * @param name the provider name (also the checkpoint phase)
 * @param params the parameters {@link #parameters} declares
 */
public record DcnLearner(String name, Params params) implements LatentLearner {
    /** The initial per-cluster count of the authors' code. */
    static final float INITIAL_COUNT = 100f;

    /** DCN's declarations with their defaults. */
    static List<ParamSpec> parameters(int epochs) {
        List<ParamSpec> p = new ArrayList<>(PretrainedStart.parameters());
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "clustering epochs"));
        p.addAll(Optimizers.parameters(Optimizers.SGD, 1e-4, 0.9));
        p.add(ParamSpec.real("lambda", 1.0, 0.0, 1e6, "weight λ of the clustering term (λ/2)·‖f(x) − M s‖² against the summed squared reconstruction error"));
        return p;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        AutoEncoder net = start.network();
        double lambda = params.getDouble("lambda");
        try (NDManager stateManager = net.manager().newSubManager();
                ParamOptimizer opt = Optimizers.create(params, net.parameters(), net.manager())) {
            NDArray centres = stateManager.create(start.kmeans().centres());
            NDArray counts = stateManager.full(new Shape(ctx.clusters()), INITIAL_COUNT);
            NDArray assignments = stateManager.create(Matrices.toLong(start.kmeans().labels()));
            TrainingState state = TrainingState.of(net, opt).array("centres", centres).array("counts", counts).array("assignments", assignments);
            EpochMeans means = new EpochMeans();
            EpochLoop.run(name, params.getInt("epochs"), data.size(), params.getInt("batchSize"), ctx, net.manager(), state, (scope, idx) -> {
                NDArray x = data.batch(scope, idx);
                NDArray where = scope.create(Matrices.toLong(idx));
                NDArray s = assignments.get(where);
                s.attach(scope);
                NDArray c = Matrices.inScope(centres, scope);
                NDArray assigned = c.get(s);
                // (1) one step on the network, assignments and centres fixed
                NDArray rec;
                NDArray clu;
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = net.encode(x, true);
                    rec = Reconstruction.summedSquared(net.decode(z, true), x);
                    clu = DcnLoss.clustering(z, assigned);
                    loss = DcnLoss.total(rec, clu, lambda);
                    gc.backward(loss);
                }
                opt.step(scope);
                // (2) assignments by the updated network, (3) the count rule moves the centres
                NDArray z = net.encode(x, false);
                NDArray fresh = Distances.squared(z, c).argMin(1);
                NDArray[] updated = CountRule.update(c, Matrices.inScope(counts, scope), z, fresh);
                InPlace.copy(updated[0], centres);
                InPlace.copy(updated[1], counts);
                assignments.set(new NDIndex("{}", where), fresh);
                double l = loss.getFloat();
                means.add(idx.length, "reconstruction", rec, "clustering", clu);
                return l;
            }, epochsDone -> means.take());
            return new LatentModel(name, net, Matrices.toMatrix(centres), SoftAssignment.nearest());
        }
    }
}
