package org.dclust.refiners.mnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.MlpHead;
import org.dclust.api.model.Refiner;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Plugins;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.PreciseBatchNorm;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnetRefinerTest {
    static final int N = 120;
    static final MnetRefinerProvider PROVIDER = new MnetRefinerProvider();

    static Dataset data() {
        int[] labels = new int[N];
        float[][] p = Fixtures.arcs(N, 1, 3, 0.8, 0.1, true, labels, new Random(5));
        return Fixtures.lift("bananas", p, labels, 2, 20, 77);
    }

    static Refiner mnet(Map<String, Object> overrides) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("epochs", 6, "uEpochs", 3, "batchSize", 50));
        p.putAll(overrides);
        return PROVIDER.create(Params.resolve("mnet", PROVIDER.parameters(), p));
    }

    static TrainingContext.Builder ctx(NDManager m, long seed, Path checkpoints, EventSink sink) {
        return TrainingContext.builder(m).seed(seed).clusters(2).backbone(Fixtures.backbone(4, "16")).checkpointDir(checkpoints).checkpointSeconds(0)
                .events(sink);
    }

    /** A tiny AE (5 pretraining epochs) with k-means centres, built from the context's seed. */
    static LatentModel latent(Dataset data, TrainingContext ctx) {
        return Fixtures.aeKmeans(data, ctx, 5, 1e-3, 32);
    }

    /**
     * The two learning rates reach their own parameters: one epoch of one batch is one Adam step, whose
     * largest move is the learning rate (Adam's first step is lr·g/(|g| + ε) per element), so the
     * encoder moves by at most encoderLr and MNet's head by up to lr (within the rounding of float32 weights).
     */
    @Test
    void theEncoderAndTheHeadTakeTheirOwnLearningRates() {
        Dataset data = data();
        Refiner one = mnet(Map.of("epochs", 1, "uEpochs", 1, "batchSize", N, "encoderLr", 1e-5, "lr", 1e-3));
        Refiner none = mnet(Map.of("epochs", 0, "batchSize", N));
        Recorder rec = new Recorder(MnetRefiner.PHASE);
        List<float[]> encoderBefore;
        List<float[]> encoderAfter;
        List<float[]> headBefore;
        List<float[]> headAfter;
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec).build();
            try (ClusterModel initial = none.refine(latent(data, c), data, c)) {
                headBefore = trainable(((MlpHead) initial.head()).parameters());
            }
            LatentModel lm = latent(data, c);
            encoderBefore = trainable(lm.network().encoderParameters());
            try (ClusterModel trained = one.refine(lm, data, c)) {
                encoderAfter = trainable(lm.network().encoderParameters());
                headAfter = trainable(((MlpHead) trained.head()).parameters());
            }
        }
        assertThat(rec.epochs).singleElement().satisfies(r -> assertThat(r.values().get("participation")).isPositive());
        assertThat(largestMove(encoderBefore, encoderAfter)).as("encoder").isBetween(0.9e-5, 1.02e-5);
        assertThat(largestMove(headBefore, headAfter)).as("head").isBetween(0.9e-3, 1.02e-3);
    }

    /**
     * The supervision switches from the u space to the q space after T2 = uEpochs epochs: with both
     * centres at the same point every membership is (0.5, 0.5), every u-space similarity 0.5, inside
     * the ambiguity region (0.49, 0.51), so no pair takes part while u supervises; once q does, pairs
     * take part.
     */
    @Test
    void theQSpaceSupervisesFromEpochTwoPlusOne() {
        Dataset data = data();
        Recorder rec = new Recorder(MnetRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec).build();
            LatentModel lm = latent(data, c);
            float[] mean = new float[lm.network().latentDim()];
            for (float[] z : Fixtures.centroid(lm).transform(data)) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += z[j] / N;
                }
            }
            LatentModel merged = new LatentModel("ae", lm.network(), new float[][] {mean, mean.clone()}, SoftAssignment.nearest());
            mnet(Map.of("epochs", 4, "uEpochs", 2, "zeta", 0.51, "gamma", 0.49)).refine(merged, data, c).close();
        }
        List<Double> participation = rec.epochs.stream().map(r -> r.values().get("participation")).toList();
        assertThat(participation.subList(0, 2)).containsOnly(0.0);
        assertThat(participation.subList(2, 4)).allMatch(v -> v > 0.1);
    }

    /**
     * With preciseBatchNorm (the default) MNet's running statistics at the end are those of its final
     * weights: re-estimating them again changes nothing. Without it they are the moving average of
     * training batches under older weights (2 batches an epoch here), which a re-estimate moves.
     */
    @Test
    void preciseBatchNormLeavesTheStatisticsOfTheFinalWeights() {
        Dataset data = data();
        assertThat(statisticsMoveOnReestimate(data, true)).isLessThan(1e-4);
        assertThat(statisticsMoveOnReestimate(data, false)).isGreaterThan(1e-2);
    }

    /** The largest change of MNet's running statistics when re-estimated after a run. */
    private static double statisticsMoveOnReestimate(Dataset data, boolean precise) {
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, EventSink.NONE).build();
            LatentModel lm = latent(data, c);
            try (ClusterModel model = mnet(Map.of("epochs", 3, "uEpochs", 1, "preciseBatchNorm", precise)).refine(lm, data, c)) {
                MlpHead head = (MlpHead) model.head();
                List<float[]> before = PreciseBatchNorm.runningArrays(head.block()).stream().map(a -> a.toFloatArray()).toList();
                PreciseBatchNorm.reestimate(new Block[] {lm.network().encoderBlock(), head.block()}, data, 50, m,
                        (scope, x) -> head.probabilities(lm.network().encode(x, true), true));
                List<float[]> after = PreciseBatchNorm.runningArrays(head.block()).stream().map(a -> a.toFloatArray()).toList();
                return largestMove(before, after);
            }
        }
    }

    private static double largestMove(List<float[]> before, List<float[]> after) {
        double most = 0;
        for (int i = 0; i < before.size(); i++) {
            for (int j = 0; j < before.get(i).length; j++) {
                most = Math.max(most, Math.abs(after.get(i)[j] - before.get(i)[j]));
            }
        }
        return most;
    }

    @Test
    void sameSeedTwiceGivesIdenticalLabels() {
        Dataset data = data();
        float[][][] proba = new float[2][][];
        for (int run = 0; run < 2; run++) {
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext c = ctx(m, 3, null, null).build();
                try (ClusterModel cm = mnet(Map.of()).refine(latent(data, c), data, c)) {
                    proba[run] = cm.predictProba(data);
                }
            }
        }
        assertThat(proba[1]).isDeepEqualTo(proba[0]);
        assertThat(ClusterModel.argmax(proba[1])).containsExactly(ClusterModel.argmax(proba[0]));
    }

    @Test
    void resumedRunEqualsUninterruptedRunAndSaveLoadKeepsPredictions(@TempDir Path tmp) {
        Dataset data = data();
        float[][] full;
        Recorder rec = new Recorder(MnetRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 7, tmp.resolve("a"), rec).build();
            try (ClusterModel cm = mnet(Map.of()).refine(latent(data, c), data, c)) {
                full = cm.predictProba(data);
                cm.save(tmp.resolve("model"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        // events: loss, participation and cluster use per epoch, the q residual per sample at the end
        assertThat(rec.epochs).hasSize(6);
        for (EpochReport r : rec.epochs) {
            assertThat(r.values()).containsKeys("loss", "participation", "clustersUsed", "largestShare");
            assertThat(r.values().get("participation")).isBetween(0.0, 1.0);
            assertThat(r.values().get("clustersUsed")).isBetween(1.0, 2.0);
            assertThat(r.values().get("largestShare")).isBetween(0.5, 1.0);
            assertThat(r.values().get("loss")).isGreaterThanOrEqualTo(0.0);
        }
        double[] residual = rec.series.get("mnet.qResidual");
        assertThat(residual).hasSize(N);
        for (double v : residual) {
            assertThat(v).isBetween(0.0, Math.sqrt(2) + 1e-6);
        }
        // the saved model predicts exactly what the trained one did
        try (ClusterModel loaded = ClusterModel.load(tmp.resolve("model"))) {
            assertThat(loaded.predictProba(data)).isDeepEqualTo(full);
            assertThat(loaded.head().describe()).containsEntry("kind", "mlp");
        }
        // stopped after 2 epochs (u space) and again after 4 (q space), each time started again on the same directory
        for (int stop : new int[] {2, 4}) {
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext c = ctx(m, 7, tmp.resolve("b"), null).build();
                mnet(Map.of("epochs", stop)).refine(latent(data, c), data, c).close();
            }
        }
        Recorder resumed = new Recorder(MnetRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 7, tmp.resolve("b"), resumed).build();
            try (ClusterModel cm = mnet(Map.of()).refine(latent(data, c), data, c)) {
                assertThat(cm.predictProba(data)).isDeepEqualTo(full);
            }
        }
        assertThat(resumed.epochs).extracting(EpochReport::epoch).containsExactly(5, 6);
        assertThat(resumed.epochs).extracting(r -> r.values().get("participation"))
                .containsExactlyElementsOf(rec.epochs.subList(4, 6).stream().map(r -> r.values().get("participation")).toList());
    }

    @Test
    void aBatchWithoutPairsSkipsTheStep() {
        Dataset data = data();
        Recorder rec = new Recorder(MnetRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec).build();
            LatentModel lm = latent(data, c);
            List<float[]> before = trainable(lm.network().encoderParameters());
            // no similarity exceeds 1 or falls below 0: every pair is ambiguous, every gradient zero
            try (ClusterModel cm = mnet(Map.of("zeta", 1.0, "gamma", 0.0, "epochs", 2, "uEpochs", 1)).refine(lm, data, c)) {
                assertThat(trainable(lm.network().encoderParameters())).usingRecursiveComparison().isEqualTo(before);
                assertThat(cm.predict(data)).hasSize(N);
                // MNet d-128-128-K: 3 linear layers (weight, bias) and 2 BatchNorms (gamma, beta and the
                // running mean and variance, which need no gradient but are part of the checkpoint)
                List<Parameter> head = ((MlpHead) cm.head()).parameters();
                assertThat(head).hasSize(14);
                assertThat(head.stream().filter(q -> !q.requiresGradient()).count()).isEqualTo(4);
            }
        }
        assertThat(rec.epochs).extracting(r -> r.values().get("participation")).containsExactly(0.0, 0.0);
        assertThat(rec.epochs).extracting(r -> r.values().get("loss")).containsExactly(0.0, 0.0);
    }

    @Test
    void nativeMemoryStaysFlatAcrossEpochs() {
        Dataset data = data();
        List<Integer> counts = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            EventSink sink = new EventSink() {
                @Override
                public void epochEnded(EpochReport r) {
                    if (r.phase().equals(MnetRefiner.PHASE)) {
                        counts.add(countResources(m));
                    }
                }
            };
            TrainingContext c = ctx(m, 3, null, sink).build();
            mnet(Map.of("epochs", 8)).refine(latent(data, c), data, c).close();
        }
        // from the second epoch on (the first checkpoint's optimizer counters are alive from then), the
        // arrays and managers under the run's manager do not grow, in the u space and the q space alike
        assertThat(counts).hasSize(8);
        assertThat(counts.subList(1, 8)).containsOnly(counts.get(1));
    }

    /** Arrays and managers held under {@code m}, recursively (BaseNDManager keeps them in a protected map). */
    static int countResources(NDManager m) {
        try {
            java.lang.reflect.Field f = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
            f.setAccessible(true);
            int n = 0;
            for (Object r : ((Map<?, ?>) f.get(m)).values()) {
                n += 1 + (r instanceof NDManager ? countResources((NDManager) r) : 0);
            }
            return n;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<float[]> trainable(List<Parameter> params) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : params) {
            if (p.requiresGradient()) {
                out.add(p.getArray().toFloatArray());
            }
        }
        return out;
    }

    @Test
    void refusesWhatItCannotUseBeforeTraining() {
        Dataset data = data();
        Recorder rec = new Recorder(MnetRefiner.PHASE);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = ctx(m, 3, null, rec).build();
            LatentModel lm = latent(data, c);
            rec.phases.clear();
            float[][] wide = {new float[5], new float[5]};
            LatentModel wrongDim = new LatentModel("ae", lm.network(), wide, SoftAssignment.nearest());
            assertThatThrownBy(() -> mnet(Map.of()).refine(wrongDim, data, c))
                    .isInstanceOf(DclustException.class).hasMessageContaining("5 dimensions").hasMessageContaining("latent space has 4");
            assertThatThrownBy(() -> mnet(Map.of()).refine(lm, data, c.withClusters(3)))
                    .isInstanceOf(DclustException.class).hasMessageContaining("3 clusters").hasMessageContaining("2 centres");
            Dataset other = new Dataset("other", new float[N * 7], new int[] {7}, null, 0);
            assertThatThrownBy(() -> mnet(Map.of()).refine(lm, other, c))
                    .isInstanceOf(DclustException.class).hasMessageContaining("[7]").hasMessageContaining("[20]");
            assertThat(rec.phases).isEmpty();
            lm.close();
        }
        assertThatThrownBy(() -> mnet(Map.of("zeta", 0.3, "gamma", 0.5))).isInstanceOf(DclustException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> mnet(Map.of("zeta", 1.5))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void registeredWithValidPresets() {
        RefinerProvider p = Plugins.find(RefinerProvider.class, "mnet");
        assertThat(p).isInstanceOf(MnetRefinerProvider.class);
        assertThat(Plugins.find(RefinerProvider.class, "centroid").name()).isEqualTo("centroid");
        assertThat(p.paper()).isPresent();
        assertThat(p.presets()).containsKeys("quick", "default", "paper");
        for (Map<String, Object> preset : p.presets().values()) {
            assertThat(p.create(Params.resolve("mnet", p.parameters(), preset))).isInstanceOf(MnetRefiner.class);
        }
        MnetRefiner.Settings s = ((MnetRefiner) p.create(Params.defaults("mnet", p.parameters()))).settings();
        assertThat(s).isEqualTo(new MnetRefiner.Settings(20, 500, 1e-3, 1e-5, 0.8, 0.2, 1.5, 5, 1e-3, false, 1.5, 0.1, true));
    }
}
