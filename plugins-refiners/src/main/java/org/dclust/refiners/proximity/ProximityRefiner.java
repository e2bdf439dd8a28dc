package org.dclust.refiners.proximity;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.Refiner;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.Adam;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.TrainingContext;

/**
 * R-DC's second phase (Shaheen, Mrabah, Ksantini, Alqaddoumi, "Rethinking Deep Clustering Paradigms:
 * Self-Supervision Is All You Need", arXiv 2503.03733): proximity-level self-supervision. The encoder
 * it is given is fine-tuned so that each sample's code moves to the centroid of its trusted nearest
 * neighbours in the latent space, with no pseudo-labels, while the autoencoder's reconstruction (when
 * there is a decoder) fades out; the clusters are then k-means on the refined codes.
 *
 * <p>What the paper's abstract and summary state: a second round of self-supervision replaces
 * pseudo-supervision; it works at the level of nearest neighbours in the latent space, through a dual
 * filter that builds nearest-neighbour centroids; the move from instance-level to neighbourhood-level
 * self-supervision is gradual; a k-NN distance matrix is its main cost; M names the number of
 * neighbours. The method section, the loss, the filter rules, M and the schedule could not be read,
 * and no code was released. <b>Every choice below is therefore ours</b>, and a parameter:
 *
 * <ul>
 *   <li>Graph ({@link KnnGraph}): the exact {@code neighbours} (M) nearest neighbours of every code
 *       (Euclidean, evaluation mode), by blocked matrix products, built before the first epoch and
 *       again after every {@code graphInterval} epochs.</li>
 *   <li>Dual filter ({@link DualFilter}): trusted links are mutual neighbours ({@code links=mutual};
 *       {@code all} trusts every link); a sample is reliable with at least {@code minTrusted}
 *       trusted links.</li>
 *   <li>Targets: a reliable sample's target is the mean code of its trusted neighbours, fixed until
 *       the next build; with {@code hops} h &gt; 1, the mean of their targets, h times over (h steps of
 *       a random walk on the trusted links, which reach further along a cluster without crossing the
 *       links the filter cut; {@link NeighbourTargets#targets}).</li>
 *   <li>Loss ({@link ProximityLoss}): β · (mean over the batch's reliable samples of ‖f(x_i) − c_i‖²) / D
 *       + (1 − β) · {@code reconstructionWeight} · MSE(g(f(x)), x) / R₀, β rising linearly from 0 to 1
 *       over the first {@code fadeEpochs} epochs (step by step); without a decoder, or with
 *       {@code fadeEpochs} = 0, the pull alone. D and R₀ put both terms on one scale.</li>
 *   <li>Optimisation: Adam ({@code lr}) on the encoder, and on the decoder while the reconstruction
 *       term is in the loss (a second Adam, stepped only then); a batch with no reliable sample and no
 *       reconstruction term takes no step.</li>
 *   <li>Result: k-means ({@code kmeansRestarts} restarts, k-means++) on the refined codes; the model is
 *       the refined encoder with those centres and the nearest-centre assignment, so it composes with
 *       any learner, with a decoder or without.</li>
 *   <li>Label-free epoch selection ({@code --select-epoch}): each epoch's partition is that k-means on
 *       the epoch's codes (of the selection's fixed sample), as {@code acai} declares it; the kept
 *       epoch's encoder then gets the final k-means.</li>
 * </ul>
 *
 * <p>Events per epoch: {@code loss}; {@code proximity}, the mean ‖f(x_i) − c_i‖² of the reliable
 * training samples (unscaled); {@code reconstruction}, the batches' MSE while it is in the loss;
 * {@code proximityWeight}, β at the epoch's end; {@code clustersUsed} and {@code largestShare}
 * ({@link ClusterUse}) of the training samples by nearest tracking centre (k-means centres of the
 * codes, updated by Lloyd iterations from the previous ones at every graph build); and, of the graph
 * the next epoch trains on, {@code kept} (the share of samples the filter keeps), {@code mutual} (the
 * share of kNN links that are mutual), {@code knnChange} (the mean share of each sample's neighbours
 * replaced at the last build) and {@code drift} (the mean share of each sample's initial neighbours
 * no longer among its neighbours: R-DC's "feature drift", label-free). At the end the series
 * {@code knnDrift}: per sample, the share of its initial neighbours replaced in the final codes.
 *
 * <p>Checkpoints (phase {@value #PHASE}, by name): the encoder (and decoder, when it trains), both
 * Adam states, the graph in force, the initial graph, the targets and D, the tracking centres, and the
 * counters; a resumed run ends with the labels of an uninterrupted one.
 */
public final class ProximityRefiner implements Refiner {
    /** The phase name of events and checkpoints. */
    public static final String PHASE = "proximity";
    private static final int EVAL_BATCH = 1000;
    /** Lloyd iterations of the tracking centres at each graph build. */
    private static final int TRACKING_ITERATIONS = 100;

    /** The resolved settings (every value ours; see the class comment). */
    public record Settings(int epochs, int batchSize, double lr, int neighbours, int graphInterval, DualFilter filter,
            int fadeEpochs, double reconstructionWeight, int kmeansRestarts, int hops) {
        /** @throws InvalidParameterException listing every {@link #problems} */
        public Settings {
            List<String> problems = problems(neighbours, filter.minTrusted());
            if (!problems.isEmpty()) {
                throw new InvalidParameterException(problems);
            }
        }

        /** What only the data can say: more samples than neighbours (each sample needs M others). */
        static List<String> problems(int neighbours, Dataset data) {
            if (data.size() > neighbours) {
                return List.of();
            }
            return List.of("proximity.neighbours = " + neighbours + " needs more samples than that; " + data.name() + " has " + data.size()
                    + ": choose fewer neighbours");
        }

        /** What the declared ranges cannot say: minTrusted &lt;= neighbours (else no sample is reliable). */
        static List<String> problems(int neighbours, int minTrusted) {
            List<String> out = new ArrayList<>();
            if (minTrusted > neighbours) {
                out.add("proximity.minTrusted = " + minTrusted + " exceeds proximity.neighbours = " + neighbours
                        + ": no sample could be reliable; choose minTrusted <= neighbours");
            }
            return out;
        }

        /** Reads the parameters declared by {@link ProximityRefinerProvider}. */
        public static Settings from(Params p) {
            return new Settings(p.getInt("epochs"), p.getInt("batchSize"), p.getDouble("lr"), p.getInt("neighbours"),
                    p.getInt("graphInterval"), new DualFilter(DualFilter.Links.of(p.getString("links")), p.getInt("minTrusted")),
                    p.getInt("fadeEpochs"), p.getDouble("reconstructionWeight"), p.getInt("kmeansRestarts"), p.getInt("hops"));
        }
    }

    private final Settings s;

    public ProximityRefiner(Settings settings) {
        this.s = settings;
    }

    public Settings settings() {
        return s;
    }

    @Override
    public ClusterModel refine(LatentModel latent, Dataset data, TrainingContext ctx) {
        check(latent, data, ctx);
        var net = latent.network();
        boolean reconstruct = net.hasDecoder() && s.fadeEpochs() > 0 && s.reconstructionWeight() > 0;
        float[][] centres;
        try (NDManager work = net.manager().newSubManager();
                Adam encoderOpt = new Adam(net.encoderParameters(), work, s.lr());
                Adam decoderOpt = reconstruct ? new Adam(net.decoderParameters(), work, s.lr()) : null) {
            centres = new Run(latent, data, ctx, work, encoderOpt, decoderOpt).train();
        }
        return new ClusterModel(net, new CentroidHead(net.manager(), centres, SoftAssignment.nearest()), null, null);
    }

    /** Says, in one message, why this refiner cannot work with what it is given. */
    private void check(LatentModel latent, Dataset data, TrainingContext ctx) {
        var net = latent.network();
        String from = "the latent model of " + latent.learner();
        if (!Arrays.equals(data.sampleShape(), net.inputShape())) {
            throw new DclustException("proximity: the data's samples have shape " + Arrays.toString(data.sampleShape())
                    + " but " + from + "'s encoder takes " + Arrays.toString(net.inputShape()));
        }
        List<String> problems = Settings.problems(s.neighbours(), data);
        if (!problems.isEmpty()) {
            throw new DclustException(problems.get(0));
        }
        if (ctx.clusters() < 2 || ctx.clusters() > data.size()) {
            throw new DclustException("proximity: k-means cannot find " + ctx.clusters() + " clusters in " + data.size() + " samples");
        }
        if (latent.clusters() != ctx.clusters()) {
            throw new DclustException("proximity: the run asks for " + ctx.clusters() + " clusters but " + from + " has "
                    + latent.clusters() + " centres");
        }
    }

    /** One training run and its mutable state. */
    private final class Run {
        private final LatentModel latent;
        private final Dataset data;
        private final TrainingContext ctx;
        private final NDManager work;
        private final Adam encoderOpt;
        private final Adam decoderOpt;
        private final NeighbourTargets graph;
        private final NDArray centresArray;
        private final ClusterUse use;
        private final long fadeSteps;
        private float[][] centres;
        private double reconstructionScale = 1;
        private long steps;
        private double knnChange;
        private double drift;
        private double pullSum;
        private long pullCount;
        private double reconstructionSum;
        private long reconstructionCount;

        Run(LatentModel latent, Dataset data, TrainingContext ctx, NDManager work, Adam encoderOpt, Adam decoderOpt) {
            this.latent = latent;
            this.data = data;
            this.ctx = ctx;
            this.work = work;
            this.encoderOpt = encoderOpt;
            this.decoderOpt = decoderOpt;
            int d = latent.network().latentDim();
            this.graph = new NeighbourTargets(s.filter(), data.size(), d, s.neighbours(), s.hops(), work);
            this.centresArray = work.create(latent.centres());
            this.use = new ClusterUse(latent.clusters());
            this.fadeSteps = decoderOpt == null ? 0 : (long) s.fadeEpochs() * Batches.count(data.size(), s.batchSize());
        }

        /** Trains, then returns k-means centres of the refined codes. */
        float[][] train() {
            var net = latent.network();
            float[][] codes = Embeddings.encode(net, data, EVAL_BATCH);
            if (decoderOpt != null) {
                reconstructionScale = reconstructionError();
            }
            graph.build(codes, work);
            centres = KMeans.lloyd(codes, latent.centres(), TRACKING_ITERATIONS).centres();
            if (graph.current().keptShare() == 0) {
                ctx.events().info(PHASE + ": the filter keeps no sample (links=" + s.filter().links().name().toLowerCase(Locale.ROOT)
                        + ", minTrusted=" + s.filter().minTrusted() + "); only the reconstruction trains: lower proximity.minTrusted");
            }
            TrainingState named = new TrainingState().arrays("network", decoderOpt == null ? net::encoderState : net::state)
                    .optimizer("encoderAdam", encoderOpt).arrays("graph", graph::arrays).arrays("centres", this::centresState)
                    .integer("steps", () -> steps, v -> steps = v)
                    .real("reconstructionScale", () -> reconstructionScale, v -> reconstructionScale = v)
                    .real("knnChange", () -> knnChange, v -> knnChange = v).real("drift", () -> drift, v -> drift = v);
            if (decoderOpt != null) {
                named.optimizer("decoderAdam", decoderOpt);
            }
            EpochLoop.State state = new EpochLoop.State() {
                @Override
                public Map<String, NDArray> arrays() {
                    return named.arrays();
                }

                @Override
                public Map<String, Object> meta() {
                    return named.meta();
                }

                @Override
                public void restore(Checkpoints.Checkpoint checkpoint) {
                    named.restore(checkpoint);
                    graph.readBack();
                    centres = Matrices.toMatrix(centresArray);
                }

                /** For a label-free epoch selection: the k-means the phase would end with after this epoch. */
                @Override
                public Optional<Partition> partition() {
                    return Optional.of(Partition.kmeans(net, data, latent.clusters(), s.kmeansRestarts(), ctx.seedFor(PHASE + "-selection", 0)));
                }
            };
            EpochLoop.run(PHASE, s.epochs(), data.size(), s.batchSize(), ctx, work, state, this::step, this::afterEpoch);
            codes = Embeddings.encode(net, data, EVAL_BATCH);
            KnnGraph last = KnnGraph.of(codes, s.neighbours(), work);
            ctx.events().series(PHASE, "knnDrift", last.replacedSince(graph.initial()));
            return KMeans.fit(codes, latent.clusters(), s.kmeansRestarts(), 300, ctx.random(PHASE + "-kmeans", 0)).centres();
        }

        private Map<String, NDArray> centresState() {
            InPlace.copy(NeighbourTargets.flat(centres), centresArray);
            return Map.of("", centresArray);
        }

        private double step(NDManager scope, int[] idx) {
            var net = latent.network();
            int b = idx.length;
            int d = net.latentDim();
            float[] t = new float[b * d];
            float[] r = new float[b];
            int reliable = 0;
            for (int j = 0; j < b; j++) {
                System.arraycopy(graph.target(idx[j]), 0, t, j * d, d);
                if (graph.reliable(idx[j])) {
                    r[j] = 1;
                    reliable++;
                }
            }
            double beta = ProximityLoss.proximityWeight(steps, fadeSteps);
            NDArray x = data.batch(scope, idx);
            NDArray z;
            NDArray pull = null;
            NDArray reconstruction = null;
            NDArray loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                z = net.encode(x, true);
                if (reliable > 0) {
                    pull = ProximityLoss.pull(z, scope.create(t, new Shape(b, d)), scope.create(r), reliable, graph.scale());
                }
                if (decoderOpt != null && beta < 1) {
                    reconstruction = Reconstruction.meanSquared(net.decode(z, true), x);
                }
                loss = ProximityLoss.objective(pull, reconstruction, beta, s.reconstructionWeight(), reconstructionScale);
                if (loss != null) {
                    gc.backward(loss);
                }
            }
            steps++;
            use.add(Distances.squared(z.stopGradient(), scope.create(centres)).argMin(1));
            if (pull != null) {
                pullSum += pull.getFloat() * graph.scale() * reliable;
                pullCount += reliable;
            }
            if (reconstruction != null) {
                reconstructionSum += reconstruction.getFloat() * b;
                reconstructionCount += b;
            }
            if (loss == null) {
                encoderOpt.zeroGradients(scope);
                return 0;
            }
            encoderOpt.step(scope);
            if (reconstruction != null) {
                decoderOpt.step(scope);
            }
            return loss.getFloat();
        }

        private Map<String, Double> afterEpoch(int done) {
            Map<String, Double> out = new LinkedHashMap<>();
            if (pullCount > 0) {
                out.put("proximity", pullSum / pullCount);
            }
            if (reconstructionCount > 0) {
                out.put("reconstruction", reconstructionSum / reconstructionCount);
            }
            pullSum = 0;
            pullCount = 0;
            reconstructionSum = 0;
            reconstructionCount = 0;
            out.put("proximityWeight", ProximityLoss.proximityWeight(steps - 1, fadeSteps));
            out.putAll(use.take());
            if (done % s.graphInterval() == 0 && done < s.epochs()) {
                rebuild();
            }
            out.put("kept", graph.current().keptShare());
            out.put("mutual", graph.current().mutualRate());
            out.put("knnChange", knnChange);
            out.put("drift", drift);
            return out;
        }

        /** A new graph and targets from the current codes; the tracking centres follow by Lloyd iterations. */
        private void rebuild() {
            float[][] codes = Embeddings.encode(latent.network(), data, EVAL_BATCH);
            KnnGraph previous = graph.current().graph();
            graph.build(codes, work);
            knnChange = graph.current().graph().meanReplacedSince(previous);
            drift = graph.current().graph().meanReplacedSince(graph.initial());
            centres = KMeans.lloyd(codes, centres, TRACKING_ITERATIONS).centres();
        }

        /** R₀: the mean squared reconstruction error of the data, in evaluation mode. */
        private double reconstructionError() {
            var net = latent.network();
            double sum = 0;
            for (int start = 0; start < data.size(); start += EVAL_BATCH) {
                int end = Math.min(data.size(), start + EVAL_BATCH);
                try (NDManager scope = work.newSubManager()) {
                    NDArray x = data.range(scope, start, end);
                    sum += Reconstruction.meanSquared(net.decode(net.encode(x, false), false), x).getFloat() * (end - start);
                }
            }
            double mean = sum / data.size();
            return mean > 0 ? mean : 1.0;
        }
    }
}
