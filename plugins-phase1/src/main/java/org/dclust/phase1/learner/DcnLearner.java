package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
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
 * count rule ({@link CountRule}, the paper's eq. 8), the counts starting at 100. This is the authors'
 * loop for raw MNIST pixels (boyangumn/DCN, {@code multi_layer_km.py}, {@code test_SdC}, lines
 * 783-812, with {@code batch_km}, lines 523-552).
 *
 * <p>The settings are those of the authors' raw-pixel script ({@code run_raw_mnist.py}, lines 45-59;
 * {@code run_pre_mnist.py} is for pre-processed MNIST features, not pixels):
 * <ul>
 *   <li>Weights: per sample their loss is β·‖f(x) − M s‖² + lbd·‖x − g(f(x))‖² with lbd = 0.05 and
 *       β = 1 ({@code multi_layer_km.py} lines 307-316), i.e. lbd times eq. 5 with λ/2 = β/lbd = 20:
 *       {@code lambda} = 40, the clustering term weighted twenty times the summed squared
 *       reconstruction error.</li>
 *   <li>Optimizer: SGD with Nesterov momentum μ = 0.9 ({@link org.dclust.api.train.SgdMomentum}; their
 *       update, lines 327-329, is δ ← μδ − lr·g, w ← w + μ²δ − (1 + μ)·lr·g), at a constant rate
 *       ({@code diminishing} False). Their {@code finetune_lr} is 0.05 on their loss, which is lbd =
 *       0.05 times eq. 5, so their step is the step at lr 0.05 × 0.05 = 0.0025 on eq. 5. On our
 *       network (the shared pretraining and backbone) that step diverges within the first epoch on
 *       the embedded Fashion-MNIST data ({@code --preset quick}, one libtorch thread; so do 1.25e-3
 *       and 9.4e-4 with seed 1). 6.25e-4 diverges in epoch 2 with seed 3 and, where it stays finite
 *       (seeds 1 and 2), empties four and five of the ten clusters ({@code clustersUsed} 6 and 5,
 *       {@code largestShare} 0.49, label-free signs). The default {@code lr} = 3.125e-4, an eighth of
 *       the authors' step, is the largest rate of the ladder 0.0025/2^j that stayed finite with seeds
 *       1, 2 and 3, each keeping all ten clusters.</li>
 *   <li>Batch {@code clusteringBatchSize} = 128 and {@code epochs} = 50 ({@code batch_size},
 *       {@code training_epochs}); the shared pretraining keeps its own {@code batchSize} (256), so
 *       DCN shares the cached pretraining with the other learners.</li>
 * </ul>
 *
 * <p>Departures: the shared end-to-end Adam pretraining stands in for their layer-wise one (50 epochs
 * a layer, SGD at lr 0.01, lines 673-703), and the backbone for their 784-2000-1000-500-500-250-50
 * network with tied weights; batches are reshuffled every epoch where theirs keep one shuffled order;
 * the result is the nearest centre under the final network, where theirs keeps each sample's last
 * assignment. Their centre update divides 1 by an integer count ({@code count} is an integer array,
 * line 783, and {@code eta = 1/count[c]}, line 549, is 0 under Python 2's integer division), so in
 * their runs the centres stay where k-means put them and only the assignments change; the count rule
 * here is the paper's (eq. 8) and the one DKM's authors re-implemented with real-valued counts
 * (MaziarMF/deep-k-means {@code compgraph.py} lines 177-186). {@code centreUpdate} = none gives the
 * fixed centres of the authors' runs.
 *
 * <p>Per epoch it reports the loss, its two terms, and {@link ClusterUse}'s {@code clustersUsed} and
 * {@code largestShare} of the fresh assignments. Checkpoints hold the network, the optimizer's
 * momentum, the centres, the counts and every sample's assignment. The returned model's own
 * assignment is the nearest centre.
 *
 * @param name the provider name (also the checkpoint phase)
 * @param params the parameters {@link #parameters} declares
 */
public record DcnLearner(String name, Params params) implements LatentLearner {
    /**
     * The default learning rate: an eighth of the authors' step (0.05 × lbd 0.05 = 0.0025 on eq. 5),
     * the largest rate that stayed finite on the embedded data with seeds 1-3 (see the class comment).
     */
    static final double DEFAULT_LR = 3.125e-4;
    /** The initial per-cluster count of the authors' code ({@code multi_layer_km.py} line 783). */
    static final float INITIAL_COUNT = 100f;
    /** The {@code centreUpdate} of the paper's count rule. */
    static final String COUNT = "count";
    /** The {@code centreUpdate} that keeps the k-means centres, as the authors' runs do in effect. */
    static final String NONE = "none";

    /** DCN's declarations with their defaults. */
    static List<ParamSpec> parameters(int epochs) {
        List<ParamSpec> p = new ArrayList<>(PretrainedStart.parameters());
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "clustering epochs"));
        p.add(ParamSpec.integer("clusteringBatchSize", 128, 2, 1_000_000, "mini-batch size of the clustering phase (the authors' raw-MNIST"
                + " script: 128); batchSize is the shared pretraining's"));
        p.addAll(Optimizers.parameters(Optimizers.NESTEROV, DEFAULT_LR, 0.9));
        p.add(ParamSpec.real("lambda", 40.0, 0.0, 1e6, "weight λ of the clustering term (λ/2)·‖f(x) − M s‖² against the summed squared"
                + " reconstruction error (the authors' raw-MNIST script: 2·beta/lbd = 2·1/0.05 = 40)"));
        p.add(ParamSpec.choice("centreUpdate", COUNT, List.of(COUNT, NONE), "count: the paper's per-cluster count rule (eq. 8); none: the"
                + " centres stay at their k-means start, as in the authors' runs (integer division in their count rule)"));
        return p;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        EncoderNetwork net = start.network();
        double lambda = params.getDouble("lambda");
        boolean moveCentres = COUNT.equals(params.getString("centreUpdate"));
        try (NDManager stateManager = net.manager().newSubManager();
                ParamOptimizer opt = Optimizers.create(params, net.parameters(), net.manager())) {
            NDArray centres = stateManager.create(start.kmeans().centres());
            NDArray counts = stateManager.full(new Shape(ctx.clusters()), INITIAL_COUNT);
            NDArray assignments = stateManager.create(Matrices.toLong(start.kmeans().labels()));
            TrainingState state = TrainingState.of(net, opt).array("centres", centres).array("counts", counts).array("assignments", assignments)
                    .partition(Partition.nearestCentre(net, data, centres));
            EpochMeans means = new EpochMeans();
            ClusterUse use = new ClusterUse(ctx.clusters());
            EpochLoop.run(name, params.getInt("epochs"), data.size(), params.getInt("clusteringBatchSize"), ctx, net.manager(), state, (scope, idx) -> {
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
                if (moveCentres) {
                    NDArray[] updated = CountRule.update(c, Matrices.inScope(counts, scope), z, fresh);
                    InPlace.copy(updated[0], centres);
                    InPlace.copy(updated[1], counts);
                }
                assignments.set(new NDIndex("{}", where), fresh);
                use.add(fresh);
                double l = loss.getFloat();
                means.add(idx.length, "reconstruction", rec, "clustering", clu);
                return l;
            }, epochsDone -> {
                Map<String, Double> v = means.take();
                v.putAll(use.take());
                return v;
            });
            return new LatentModel(name, net, Matrices.toMatrix(centres), SoftAssignment.nearest());
        }
    }
}
