package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.SgdMomentum;
import org.dclust.api.train.TrainingContext;

/**
 * DCSS phase 1, "DCSSu" (Sadeghi and Armanfard, section 3.1, eqs. 1-3), and its aggregated-loss
 * ablation "DCSSagg" (section 4.8.1, Table 2).
 *
 * <ol>
 *   <li>Autoencoder pretraining, the shared {@link Pretraining} (Adam on the mean squared error).</li>
 *   <li>Centres: k-means on the pretrained codes ({@link KMeans}, 10 restarts, the same random stream
 *       as the {@code ae} learner, so both start from the same centres).</li>
 *   <li>DCSSu, per batch: one forward pass without gradient gives the memberships u (eq. 2) and the
 *       fixed weights u^m; BatchNorm runs in training mode there, as in the reference code, whose
 *       network stays in training mode throughout phase 1. Then K successive SGD updates, the k-th on
 *       L_k = Σ_i u_ik^m (‖x_i − x̂_i‖² + λ‖z_i − c_k‖²) (eq. 1).
 *       DCSSagg, per batch: one update on Σ_k L_k, the weights taken from the detached codes of that
 *       update's own forward pass (the same values a separate pass would give), and K times as many
 *       passes over the data, so both variants take the same number of updates.
 *       SGD with momentum (lr 1e-6, μ 0.9) on summed, not averaged, losses, as the reference code. With
 *       summed losses the step grows with the batch: the default batch of 256 takes steps about half the
 *       reference's (batch 500), twice as often, so an epoch moves the weights about as far.</li>
 *   <li>The centres are re-estimated over the whole data set (eq. 3, codes in evaluation mode) at the
 *       start of epochs 2, 2 + T1, 2 + 2·T1, ... (the reference code's {@code T % T1 == 1}, T the
 *       0-based epoch); for DCSSagg an epoch means K passes, so both refresh after the same number of
 *       updates. One departure: for T1 = 1 the reference's test never holds (T % 1 is 0), so its
 *       centres would stay at k-means for the whole phase; here T1 = 1 re-estimates them before every
 *       epoch after the first, which is what T1, the epochs between re-estimations, says.</li>
 * </ol>
 * Its own assignment is the fuzzy membership with fuzziness m (eq. 2; the largest membership, i.e.
 * the nearest centre, wins). Per pass it reports the loss, the centre shift when the centres moved,
 * and {@link ClusterUse}'s {@code clustersUsed} and {@code largestShare} of the batches' largest
 * memberships (those the pass trained with). Each pass ends with a checkpoint of the network (BatchNorm statistics
 * included), the optimizer's momentum and the centres. The reported loss is the summed batch loss
 * divided by the batch size (averaged over the K runs for DCSSu).
 */
public final class DcssLearner implements LatentLearner {
    /** How the K cluster losses of a batch become updates. */
    public enum Strategy {
        /** DCSSu: K successive updates, the k-th on the k-th cluster's loss (section 3.1). */
        PER_CLUSTER,
        /** DCSSagg: one update on the sum of the K losses, K times as many passes (section 4.8.1). */
        AGGREGATED
    }

    private final String name;
    private final Strategy strategy;
    private final Pretraining.Settings pretrain;
    private final int epochs;
    private final int batchSize;
    private final double lr;
    private final double momentum;
    private final double lambda;
    private final double m;
    private final int centreInterval;

    public DcssLearner(String name, Strategy strategy, Params p) {
        this.name = name;
        this.strategy = strategy;
        this.pretrain = Pretraining.Settings.from(p);
        this.epochs = p.getInt("epochs");
        this.batchSize = p.getInt("batchSize");
        this.lr = p.getDouble("lr");
        this.momentum = p.getDouble("momentum");
        this.lambda = p.getDouble("lambda");
        this.m = p.getDouble("fuzziness");
        this.centreInterval = p.getInt("centreInterval");
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        int k = ctx.clusters();
        if (k > data.size()) {
            throw new DclustException(name + ": " + k + " clusters for " + data.size() + " samples");
        }
        PretrainedStart start = PretrainedStart.of(data, ctx, pretrain, PretrainedStart.RESTARTS);
        EncoderNetwork net = start.network();
        try {
            if (!net.hasDecoder()) {
                throw new DclustException(name + " needs a backbone with a decoder (its loss reconstructs the input)");
            }
            float[][] centres = train(net, data, ctx, start.kmeans().centres());
            return new LatentModel(name, net, centres, SoftAssignment.fuzzy(m));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Phase 1 from the given initial centres (K × d); returns the final centres. */
    float[][] train(EncoderNetwork net, Dataset data, TrainingContext ctx, float[][] init) {
        int k = init.length;
        int passesPerEpoch = strategy == Strategy.AGGREGATED ? k : 1;
        int passes = epochs * passesPerEpoch;
        try (NDManager own = net.manager().newSubManager();
                SgdMomentum sgd = new SgdMomentum(net.parameters(), net.manager(), lr, momentum)) {
            NDArray centres = own.create(init);
            TrainingState state = TrainingState.of(net, sgd).array("centres", centres).partition(Partition.nearestCentre(net, data, centres));
            ClusterUse use = new ClusterUse(k);
            EpochLoop.BatchStep step = (scope, idx) -> {
                NDArray x = data.batch(scope, idx);
                NDArray c = Matrices.inScope(centres, scope);
                return strategy == Strategy.AGGREGATED ? aggregatedStep(net, sgd, scope, x, c, use)
                        : perClusterStep(net, sgd, scope, x, c, use);
            };
            EpochLoop.EpochEnd end = done -> {
                Map<String, Double> out = new LinkedHashMap<>(use.take());
                if (refreshAfter(done, passes, passesPerEpoch, centreInterval)) {
                    try (NDManager scope = net.manager().newSubManager()) {
                        NDArray z = scope.create(Embeddings.encode(net, data, 1000));
                        NDArray old = Matrices.inScope(centres, scope);
                        NDArray fresh = DcssLoss.centres(z, old, m);
                        out.put("centreShift", (double) fresh.sub(old).norm().getFloat());
                        InPlace.copy(fresh, centres);
                    }
                }
                return out;
            };
            EpochLoop.run(name, passes, data.size(), batchSize, ctx, net.manager(), state, step, end);
            return Matrices.toMatrix(centres);
        }
    }

    /**
     * Whether the centres are re-estimated after pass {@code done} (1-based) of {@code passes}: when
     * the epoch that starts next has the 0-based index e with e % T1 == 1 (the reference code's rule)
     * for T1 of 2 or more, e % 1 == 0 (every epoch) for T1 = 1 (the departure the class documents),
     * never after the last pass, and for DCSSagg only at whole epochs of K passes.
     */
    static boolean refreshAfter(int done, int passes, int passesPerEpoch, int interval) {
        if (done >= passes || done % passesPerEpoch != 0) {
            return false;
        }
        return (done / passesPerEpoch) % interval == 1 % interval;
    }

    /**
     * DCSSu: memberships from one forward pass without gradient, then K successive updates. Each run
     * works in its own sub-scope (on a copy of the batch, since results join their first operand's
     * manager), so only one run's activations are alive at a time.
     */
    private double perClusterStep(EncoderNetwork net, SgdMomentum sgd, NDManager scope, NDArray x, NDArray c, ClusterUse use) {
        NDArray w = DcssLoss.weights(net.encode(x, true), c, m);
        use.add(w.argMax(1));
        long k = c.getShape().get(0);
        double total = 0;
        for (long j = 0; j < k; j++) {
            try (NDManager run = scope.newSubManager()) {
                NDArray xr = x.duplicate();
                xr.attach(run);
                NDArray wk = w.get(new NDIndex(":, {}:{}", j, j + 1));
                wk.attach(run);
                NDArray ck = c.get(new NDIndex("{}:{}", j, j + 1));
                ck.attach(run);
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = net.encode(xr, true);
                    NDArray recon = net.decode(z, true);
                    loss = DcssLoss.loss(xr, recon, z, wk, ck, lambda);
                    gc.backward(loss);
                }
                sgd.step(run);
                total += loss.getFloat();
            }
        }
        return total / k / x.getShape().get(0);
    }

    /** DCSSagg: one update on the sum of the K cluster losses, weights from the same forward pass. */
    private double aggregatedStep(EncoderNetwork net, SgdMomentum sgd, NDManager scope, NDArray x, NDArray c, ClusterUse use) {
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = net.encode(x, true);
            NDArray recon = net.decode(z, true);
            NDArray w = DcssLoss.weights(z.stopGradient(), c, m);
            loss = DcssLoss.loss(x, recon, z, w, c, lambda);
            gc.backward(loss);
            use.add(w.argMax(1));
        }
        sgd.step(scope);
        return loss.getFloat() / x.getShape().get(0);
    }
}
