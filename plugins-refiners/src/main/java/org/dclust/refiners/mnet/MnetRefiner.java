package org.dclust.refiners.mnet;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.MlpHead;
import org.dclust.api.model.Refiner;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.FuzzyMemberships;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.StateCopy;
import org.dclust.api.toolkit.PreciseBatchNorm;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.Adam;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.TrainingContext;

/**
 * DCSS phase 2 (Sadeghi and Armanfard, arXiv 2405.03590, sections 3.2 and 3.3): MNet, a soft-max
 * network d → 128 (BatchNorm, ReLU) → 128 (BatchNorm, ReLU) → K ({@link MlpHead}), is appended to the
 * learner's encoder and both are trained end to end with pairwise self-supervision
 * ({@link PairwiseLoss}, eqs. 4 and 5).
 *
 * <ul>
 *   <li>Supervision: for the first {@code uEpochs} (T2) epochs the similarity of a pair is the inner
 *       product of its fuzzy memberships (eq. 2, fuzziness m) to the centres in the latent space (u
 *       space, eq. 4); afterwards the inner product of the MNet outputs (q space, eq. 5). MNet computes
 *       the memberships itself, each batch, from the encoder it fine-tunes and the LatentModel's
 *       centres; the learner's own soft assignment is not used (it may be hard, as DCN's is).</li>
 *   <li>Centres: after each epoch while the u space supervises, re-estimated over the whole data set
 *       as the u^m-weighted mean of the current codes (eq. 3), with memberships to the previous
 *       centres, in evaluation mode.</li>
 *   <li>Optimisation: Adam with lr {@code encoderLr} (1e-5) for the encoder and {@code lr} (1e-3) for
 *       MNet, our own {@link Adam} (two instances, one per parameter group) so that a checkpoint holds
 *       the moments. A batch with neither similar nor dissimilar pairs has an all-zero gradient: its
 *       gradients are zeroed and both steps are skipped (the reference steps anyway, which moves the
 *       parameters through Adam's momentum).</li>
 *   <li>BatchNorm: the training forward runs with {@code training = true}; the similarities that
 *       select the pairs come from that same forward (its codes or its q, detached), as in the
 *       reference; centre re-estimation, the guard, the final q residuals and predictions run in
 *       evaluation mode (running statistics). With {@code preciseBatchNorm} (the default) the running
 *       statistics of MNet and of the encoder are re-estimated from the epoch's final weights at the end
 *       of every epoch, before anything runs in evaluation mode ({@link PreciseBatchNorm}). A
 *       departure, and why: the reference evaluates in training mode (batch statistics, so a sample's
 *       q depends on its batch); evaluation mode with DJL's moving average (momentum 0.9) lags the
 *       weights by about ten batches, which at a few thousand samples (a few batches an epoch) is
 *       several epochs: on 3,000 Fashion-MNIST images after {@code moco}, argmax q in evaluation mode
 *       agreed with the training forward's partition at NMI 0.755 at the end, against 0.92 with the
 *       statistics re-estimated (issue 16's notes). It costs one forward pass over the data an epoch.</li>
 *   <li>Result: {@code new ClusterModel(encoder, MNet)}; the assignment is argmax q (section 3.3).</li>
 *   <li>Events: per epoch {@code loss} (the mean batch loss) and {@code participation}, the fraction of
 *       the batch pairs (the b × b matrices the loss sums over) outside the ambiguity region (the paper's
 *       Fig. 11a), {@code similarPairs}, the fraction of them that are similar (above zeta: near 0, the
 *       loss only pushes pairs apart, as on unit-sphere features whose memberships are all near 1/K), and {@link ClusterUse}'s {@code clustersUsed} and {@code largestShare} of the epoch's
 *       training samples by argmax q; at the end the series {@code qResidual}, ‖q − onehot(argmax q)‖
 *       per sample (Fig. 9). A q space that collapsed at the end is reported by the framework, for
 *       every refiner alike: nothing in the pairwise loss (eqs. 4-5) keeps clusters apart once q
 *       supervises itself, so on a weak latent space clusters can merge.</li>
 *   <li>Checkpoints (phase {@value #PHASE}, by name): the encoder's arrays, MNet's with its BatchNorm
 *       running statistics, both Adam states, the centres and the epoch count.</li>
 * </ul>
 */
public final class MnetRefiner implements Refiner {
    /** The phase name of events and checkpoints. */
    public static final String PHASE = "mnet";
    /** MNet's hidden layers (section 3.2). */
    static final int[] HIDDEN = {128, 128};
    private static final int EVAL_BATCH = 1000;
    /** The guard's per-epoch values: argmax q over the whole data set in evaluation mode. */
    static final String GUARD_USED = "guardClustersUsed";
    static final String GUARD_SHARE = "guardLargestShare";

    /** What is done with q (rows of K values, flat) of a chunk of the data set starting at sample {@code start}. */
    @FunctionalInterface
    private interface ChunkOfQ {
        void accept(int start, float[] q);
    }

    /** The index of the largest value of each row of K (the first one on a tie). */
    static int[] argmaxRows(float[] q, int k) {
        int[] out = new int[q.length / k];
        for (int r = 0; r < out.length; r++) {
            int off = r * k;
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (q[off + j] > q[off + best]) {
                    best = j;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** The resolved settings. */
    public record Settings(int epochs, int batchSize, double lr, double encoderLr, double zeta, double gamma,
            double fuzziness, int uEpochs, double lossScale, boolean guard, double guardGrowth, double guardMinShare,
            boolean preciseBatchNorm) {
        /** @throws InvalidParameterException listing every {@link #problems} */
        public Settings {
            List<String> problems = problems(zeta, gamma, fuzziness);
            if (!problems.isEmpty()) {
                throw new InvalidParameterException(problems);
            }
        }

        /**
         * What the declared ranges cannot say: gamma &lt;= zeta (else a pair would be similar and
         * dissimilar at once) and m &gt; 1. The provider reports these when the configuration is
         * resolved, before any training.
         */
        static List<String> problems(double zeta, double gamma, double fuzziness) {
            List<String> out = new ArrayList<>();
            if (gamma > zeta) {
                out.add("mnet.gamma = " + gamma + " exceeds mnet.zeta = " + zeta
                        + ": a pair would be similar and dissimilar at once; choose gamma <= zeta (DCSS: 0.2 and 0.8)");
            }
            if (!(fuzziness > 1)) {
                out.add("mnet.fuzziness = " + fuzziness + " is not valid: it must exceed 1 (DCSS: 1.5)");
            }
            return out;
        }

        /** Reads the parameters declared by {@link MnetRefinerProvider}. */
        public static Settings from(Params p) {
            return new Settings(p.getInt("epochs"), p.getInt("batchSize"), p.getDouble("lr"), p.getDouble("encoderLr"),
                    p.getDouble("zeta"), p.getDouble("gamma"), p.getDouble("fuzziness"), p.getInt("uEpochs"),
                    p.getDouble("lossScale"), p.getBool("guard"), p.getDouble("guardGrowth"),
                    p.getDouble("guardMinShare"), p.getBool("preciseBatchNorm"));
        }
    }

    private final Settings s;

    public MnetRefiner(Settings settings) {
        this.s = settings;
    }

    public Settings settings() {
        return s;
    }

    @Override
    public ClusterModel refine(LatentModel latent, Dataset data, TrainingContext ctx) {
        check(latent, data, ctx);
        EncoderNetwork net = latent.network();
        int k = latent.clusters();
        ctx.reseed(PHASE + "-init", 0);
        MlpHead head = new MlpHead(net.manager(), net.latentDim(), HIDDEN, k);
        try (NDManager work = net.manager().newSubManager();
                Adam encoderOpt = new Adam(net.encoderParameters(), work, s.encoderLr());
                Adam headOpt = new Adam(head.parameters(), work, s.lr())) {
            new Run(net, head, data, ctx, work, encoderOpt, headOpt, latent.centres()).train();
        } catch (RuntimeException e) {
            head.close();
            throw e;
        }
        return new ClusterModel(net, head, null, null);
    }

    /** Says, in one message, why this refiner cannot work with what it is given. */
    private void check(LatentModel latent, Dataset data, TrainingContext ctx) {
        EncoderNetwork net = latent.network();
        float[][] c = latent.centres();
        String from = "the latent model of " + latent.learner();
        if (c == null || c.length < 2) {
            throw new DclustException("mnet needs at least 2 cluster centres; " + from + " has " + (c == null ? 0 : c.length));
        }
        if (ctx.clusters() != c.length) {
            throw new DclustException("mnet: the run asks for " + ctx.clusters() + " clusters but " + from + " has "
                    + c.length + " centres");
        }
        for (int j = 0; j < c.length; j++) {
            if (c[j].length != net.latentDim()) {
                throw new DclustException("mnet: centre " + j + " of " + from + " has " + c[j].length
                        + " dimensions but its encoder's latent space has " + net.latentDim());
            }
            for (float v : c[j]) {
                if (!Float.isFinite(v)) {
                    throw new DclustException("mnet: centre " + j + " of " + from + " is not finite (" + v + ")");
                }
            }
        }
        if (!Arrays.equals(data.sampleShape(), net.inputShape())) {
            throw new DclustException("mnet: the data's samples have shape " + Arrays.toString(data.sampleShape())
                    + " but " + from + "'s encoder takes " + Arrays.toString(net.inputShape()));
        }
        if (data.size() < 2) {
            throw new DclustException("mnet needs at least 2 samples; " + data.name() + " has " + data.size());
        }
    }

    /** One training run and its mutable state. */
    private final class Run {
        private final EncoderNetwork net;
        private final MlpHead head;
        private final Dataset data;
        private final TrainingContext ctx;
        private final Adam encoderOpt;
        private final Adam headOpt;
        private final NDArray centres;
        private int epochsDone;
        private long pairsIn;
        private long pairsSimilar;
        private long pairsAll;
        /** How this epoch's training samples spread over the clusters by argmax q. */
        private final ClusterUse use;
        /** The guard's reference: clusters in use and the largest share when the q space takes over (-1: not yet measured). */
        private double referenceUsed = -1;
        private double referenceShare = -1;
        /** The guard's copy of the state at the end of the last healthy epoch (null without the guard). */
        private StateCopy healthy;

        Run(EncoderNetwork net, MlpHead head, Dataset data, TrainingContext ctx, NDManager work, Adam encoderOpt,
                Adam headOpt, float[][] initialCentres) {
            this.net = net;
            this.head = head;
            this.data = data;
            this.ctx = ctx;
            this.encoderOpt = encoderOpt;
            this.headOpt = headOpt;
            this.centres = work.create(initialCentres);
            this.use = new ClusterUse(head.clusters());
        }

        void train() {
            TrainingState state = new TrainingState().arrays("encoder", net::encoderState).arrays("head", head::state)
                    .optimizer("encoderAdam", encoderOpt).optimizer("headAdam", headOpt).array("centres", centres)
                    .integer("mnetEpochsDone", () -> epochsDone, v -> epochsDone = (int) v)
                    .partition(Partition.of(net, data, (scope, z) -> head.probabilities(z, false).argMax(1)));
            if (s.guard()) {
                state.real("guardReferenceUsed", () -> referenceUsed, v -> referenceUsed = v)
                        .real("guardReferenceShare", () -> referenceShare, v -> referenceShare = v);
                healthy = new StateCopy(state, centres.getManager());
            }
            try {
                EpochLoop.run(PHASE, s.epochs(), data.size(), s.batchSize(), ctx, centres.getManager(), state,
                        this::step, this::afterEpoch);
            } finally {
                if (healthy != null) {
                    healthy.close();
                }
            }
            ctx.events().series(PHASE, "qResidual", qResiduals());
        }

        /**
         * The guard, before the first batch of every q-space epoch: measures the reference once (the
         * assignment the u space handed over), and keeps the state the epoch starts from, which ended
         * the last healthy epoch (also right after a resume, whose checkpoint always holds a healthy
         * state: an unhealthy epoch is never left in place).
         */
        private void guardBeforeEpoch() {
            if (referenceUsed < 0) {
                Map<String, Double> ref = evaluationUse();
                referenceUsed = ref.get(ClusterUse.USED);
                referenceShare = ref.get(ClusterUse.LARGEST);
            }
            if (healthy.epoch() != epochsDone) {
                healthy.keep(epochsDone);
            }
        }

        /**
         * The guard after a q-space epoch: healthy when argmax q over the whole data set (evaluation mode,
         * as the final assignment) uses at least as many clusters as the reference (each holding at least
         * guardMinShare of an even share, see {@link #evaluationUse}) and its largest cluster holds at most
         * guardGrowth times the reference's largest share. Otherwise the state of
         * the last healthy epoch is put back and the phase stops.
         */
        private void guardAfterEpoch(int done, Map<String, Double> out) {
            Map<String, Double> now = evaluationUse();
            double used = now.get(ClusterUse.USED);
            double share = now.get(ClusterUse.LARGEST);
            out.put(GUARD_USED, used);
            out.put(GUARD_SHARE, share);
            double bound = s.guardGrowth() * referenceShare;
            if (used >= referenceUsed && share <= bound) {
                return;
            }
            int kept = healthy.epoch();
            healthy.restore();
            out.put(EpochLoop.STOP, EpochLoop.HALTED);
            ctx.events().info(String.format(Locale.ROOT, "%s: the guard stopped the q-space epochs after epoch %d of %d: %d of %d clusters"
                    + " hold at least %d sample%s (%d when the q space took over), the largest holds %.1f%% (bound %.2f x %.1f%% = %.1f%%); kept the state"
                    + " of epoch %d, the last healthy one (a departure from DCSS, which trains every epoch; mnet.guard=false turns it off)",
                    PHASE, done, s.epochs(), (int) used, head.clusters(), guardLeast(), guardLeast() == 1 ? "" : "s", (int) referenceUsed, 100 * share, s.guardGrowth(),
                    100 * referenceShare, 100 * bound, kept));
        }

        /** The samples a cluster must hold to count for the guard: guardMinShare of n / K, at least one. */
        private long guardLeast() {
            return Math.max(1, (long) Math.ceil(s.guardMinShare() * data.size() / head.clusters()));
        }

        /**
         * How argmax q over the whole data set, in evaluation mode, spreads over the clusters: under
         * {@link ClusterUse#USED} the clusters that hold a sample and at least guardMinShare of an even
         * share (n / K samples; by default a tenth: a cluster of a handful of samples is already lost, and
         * its flicker between one sample and none says nothing), under {@link ClusterUse#LARGEST} the
         * largest cluster's share.
         */
        private Map<String, Double> evaluationUse() {
            int k = head.clusters();
            long[] counts = new long[k];
            evaluate((start, q) -> {
                for (int best : argmaxRows(q, k)) {
                    counts[best]++;
                }
            });
            Map<String, Double> use = ClusterUse.of(counts);
            long least = guardLeast();
            use.put(ClusterUse.USED, (double) Arrays.stream(counts).filter(c -> c >= least).count());
            return use;
        }

        private double step(NDManager scope, int[] idx) {
            boolean uSpace = epochsDone < s.uEpochs();
            if (healthy != null && !uSpace) {
                guardBeforeEpoch();
            }
            NDArray x = data.batch(scope, idx);
            NDArray loss = null;
            NDArray q;
            long similar;
            long dissimilar;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray z = net.encode(x, true);
                q = head.probabilities(z, true);
                NDArray ref = uSpace ? FuzzyMemberships.of(z.stopGradient(), Matrices.inScope(centres, scope), s.fuzziness())
                        : q.stopGradient();
                NDArray sim = PairwiseLoss.similarity(ref);
                NDArray simMask = PairwiseLoss.similar(sim, s.zeta());
                NDArray disMask = PairwiseLoss.dissimilar(sim, s.gamma());
                similar = simMask.countNonzero().getLong();
                dissimilar = disMask.countNonzero().getLong();
                if (similar + dissimilar > 0) {
                    loss = PairwiseLoss.loss(q, simMask, disMask, s.lossScale());
                    gc.backward(loss);
                }
            }
            pairsIn += similar + dissimilar;
            pairsSimilar += similar;
            pairsAll += (long) idx.length * idx.length;
            use.add(q.stopGradient().argMax(1));
            if (loss == null) {
                // an all-zero gradient: skip both steps so that Adam's moments do not move the parameters
                encoderOpt.zeroGradients(scope);
                headOpt.zeroGradients(scope);
                return 0;
            }
            headOpt.step(scope);
            encoderOpt.step(scope);
            return loss.getFloat();
        }

        private Map<String, Double> afterEpoch(int done) {
            epochsDone = done;
            if (s.preciseBatchNorm()) {
                PreciseBatchNorm.reestimate(new Block[] {net.encoderBlock(), head.block()}, data, s.batchSize(), centres.getManager(),
                        (scope, x) -> head.probabilities(net.encode(x, true), true));
            }
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("participation", pairsAll == 0 ? 0.0 : (double) pairsIn / pairsAll);
            out.put("similarPairs", pairsAll == 0 ? 0.0 : (double) pairsSimilar / pairsAll);
            out.putAll(use.take());
            pairsIn = 0;
            pairsSimilar = 0;
            pairsAll = 0;
            if (done <= s.uEpochs()) {
                refreshCentres();
            } else if (healthy != null) {
                guardAfterEpoch(done, out);
            }
            return out;
        }

        /** Eq. 3: μ_k = Σ_i u_ik^m z_i / Σ_i u_ik^m over the whole data set, in evaluation mode. */
        private void refreshCentres() {
            int k = (int) centres.getShape().get(0);
            int d = (int) centres.getShape().get(1);
            double[] num = new double[k * d];
            double[] den = new double[k];
            for (int start = 0; start < data.size(); start += EVAL_BATCH) {
                int end = Math.min(data.size(), start + EVAL_BATCH);
                try (NDManager scope = centres.getManager().newSubManager()) {
                    NDArray z = net.encode(data.range(scope, start, end), false);
                    NDArray w = Scalars.pow(FuzzyMemberships.of(z, Matrices.inScope(centres, scope), s.fuzziness()), s.fuzziness());
                    float[] wz = w.transpose().matMul(z).toFloatArray();
                    float[] ws = w.sum(new int[] {0}).toFloatArray();
                    for (int i = 0; i < wz.length; i++) {
                        num[i] += wz[i];
                    }
                    for (int j = 0; j < k; j++) {
                        den[j] += ws[j];
                    }
                }
            }
            float[] now = centres.toFloatArray();
            float[] next = new float[k * d];
            for (int j = 0; j < k; j++) {
                for (int t = 0; t < d; t++) {
                    next[j * d + t] = den[j] > 0 ? (float) (num[j * d + t] / den[j]) : now[j * d + t];
                }
            }
            InPlace.copy(next, centres);
        }

        /** ‖q − onehot(argmax q)‖ per sample, in evaluation mode (Fig. 9). */
        private double[] qResiduals() {
            int k = head.clusters();
            double[] out = new double[data.size()];
            evaluate((start, q) -> {
                int[] best = argmaxRows(q, k);
                for (int r = 0; r < best.length; r++) {
                    double ss = 0;
                    for (int j = 0; j < k; j++) {
                        double d = q[r * k + j] - (j == best[r] ? 1.0 : 0.0);
                        ss += d * d;
                    }
                    out[start + r] = Math.sqrt(ss);
                }
            });
            return out;
        }

        /** q (rows of K, flat) of the whole data set in evaluation mode, chunk by chunk with each chunk's first row. */
        private void evaluate(ChunkOfQ each) {
            int n = data.size();
            for (int start = 0; start < n; start += EVAL_BATCH) {
                int end = Math.min(n, start + EVAL_BATCH);
                try (NDManager scope = centres.getManager().newSubManager()) {
                    each.accept(start, head.probabilities(net.encode(data.range(scope, start, end), false), false).toFloatArray());
                }
            }
        }
    }
}
