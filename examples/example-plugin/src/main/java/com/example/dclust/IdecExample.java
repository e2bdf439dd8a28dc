package com.example.dclust;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.model.StudentTAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainableCentres;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.Optimizers;
import org.dclust.api.train.ParamOptimizer;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.TrainingContext;

/**
 * IDEC (Guo, Gao, Liu and Yin, "Improved Deep Embedded Clustering with Local Structure Preservation",
 * IJCAI 2017) written by a third party against dclust's toolkit: the class holds IDEC's loss and its
 * step; the toolkit gives the rest (the shared pretraining and k-means, trainable centres, the
 * optimizer, named checkpoints, the epoch loop).
 *
 * <p>Loss (eq. 7): L = L_r + γ·L_c, with L_r the mean squared reconstruction error (eq. 6, the
 * authors' Keras "mse") and L_c = KL(P‖Q) (eq. 4) between the Student's t soft assignment q (eq. 2,
 * α = 1) and the target p_ij = (q_ij²/f_j) / Σ_j' (q_ij'²/f_j'), f_j = Σ_i q_ij (eq. 5).
 *
 * <p>Step: one optimizer update of encoder, decoder and centres per batch; every {@code updateInterval}
 * batches P is recomputed over the whole data set, and training stops when fewer than {@code tol} of
 * the samples changed cluster since the previous update (the authors' schedule).
 *
 * @param params the parameters {@link IdecExampleProvider} declares
 */
public record IdecExample(Params params) implements LatentLearner {
    /**
     * The phase name: it names the checkpoint and seeds each epoch's shuffle. It is the in-tree
     * {@code idec}'s, so that both draw the same batches and can be compared label for label.
     */
    static final String PHASE = "idec";
    /** Student's t degrees of freedom (IDEC, as DEC, fixes α = 1). */
    static final double ALPHA = 1;
    private static final float EPS = 1e-12f;

    /** Eq. 5: the target distribution of q (N, K), q covering the whole data set. */
    static NDArray target(NDArray q) {
        NDArray weight = q.square().div(q.sum(new int[] {0}, true));
        return weight.div(weight.sum(new int[] {1}, true));
    }

    /** Eq. 4: KL(P‖Q) per sample, averaged over the batch; p and q are (b, K). */
    static NDArray kl(NDArray p, NDArray q) {
        return p.mul(Scalars.maximum(p, EPS).log().sub(Scalars.maximum(q, EPS).log())).sum(new int[] {1}).mean();
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        EncoderNetwork net = start.network();
        double gamma = params.getDouble("gamma");
        int interval = params.getInt("updateInterval");
        double tol = params.getDouble("tol");
        SoftAssignment q = SoftAssignment.studentT(ALPHA);
        try (TrainableCentres mu = new TrainableCentres(net.manager(), start.kmeans().centres());
                NDManager own = net.manager().newSubManager();
                ParamOptimizer opt = Optimizers.create(params, mu.after(net.parameters()), net.manager())) {
            NDArray p = own.zeros(new Shape(data.size(), ctx.clusters()));
            NDArray labels = own.create(Matrices.toLong(start.kmeans().labels()));
            long[] batches = {0};
            double[] changed = {1};
            boolean[] converged = {false};
            TrainingState state = TrainingState.of(net, opt).array("centres", mu.array()).array("target", p).array("labels", labels)
                    .integer("iterations", () -> batches[0], v -> batches[0] = v).real("changed", () -> changed[0], v -> changed[0] = v)
                    .flag("converged", () -> converged[0], v -> converged[0] = v).partition(Partition.nearestCentre(net, data, mu.array()));
            EpochLoop.run(PHASE, params.getInt("epochs"), data.size(), params.getInt("batchSize"), ctx, net.manager(), state, (scope, idx) -> {
                if (!converged[0] && batches[0] % interval == 0) {
                    // P over the whole data set, and how many samples changed cluster since the last time
                    NDArray all = Embeddings.probabilities(net, data, mu.array(), q, scope);
                    NDArray fresh = all.argMax(1);
                    changed[0] = fresh.neq(labels).toType(DataType.INT64, false).sum().getLong() / (double) data.size();
                    InPlace.copy(target(all), p);
                    InPlace.copy(fresh, labels);
                    converged[0] = batches[0] > 0 && changed[0] < tol;
                }
                if (converged[0]) {
                    return 0;
                }
                batches[0]++;
                NDArray x = data.batch(scope, idx);
                NDArray pb = p.get(scope.create(Matrices.toLong(idx)));
                pb.attach(scope);
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = net.encode(x, true);
                    NDArray clustering = kl(pb, StudentTAssignment.of(z, mu.inScope(scope), ALPHA));
                    NDArray reconstruction = Reconstruction.meanSquared(net.decode(z, true), x);
                    loss = Scalars.mul(clustering, (float) gamma).add(reconstruction);
                    gc.backward(loss);
                }
                opt.step(scope);
                return loss.getFloat();
            }, epochsDone -> converged[0] ? Map.of(EpochLoop.STOP, 1.0) : Map.of("changed", changed[0]));
            return new LatentModel(IdecExampleProvider.NAME, net, mu.toMatrix(), q);
        }
    }
}
