package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.train.Adam;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.TrainingContext;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ACAI: its losses, its two steps, lambda = 0 as the plain autoencoder, determinism and resume, its parameters. */
class AcaiLearnerTest {
    private final AcaiLearnerProvider provider = new AcaiLearnerProvider();
    private final Backbone backbone = Fits.mlp("16", 2);

    private Params params(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return Params.resolve(AcaiLearnerProvider.NAME, provider.parameters(), m);
    }

    private static TrainingContext context(NDManager m, Backbone backbone, Path checkpoints, List<EpochReport> reports) {
        return TrainingContext.builder(m).seed(5).clusters(3).backbone(backbone).checkpointDir(checkpoints).checkpointSeconds(0)
                .events(ClusteringLearnersTest.sink(reports)).build();
    }

    /** Networks of the test backbone, built from the given engine seed. */
    private EncoderNetwork build(NDManager m, int seed, int features) {
        Engine.getInstance().setRandomSeed(seed);
        return backbone.build(m.newSubManager(), new int[] {features});
    }

    private static double[][] rows(NDArray a) {
        int b = (int) a.getShape().get(0);
        float[] flat = a.toFloatArray();
        int d = flat.length / b;
        double[][] out = new double[b][d];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = flat[i * d + j];
            }
        }
        return out;
    }

    @Test
    void bothLossesMatchADirectComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork critic = build(m, 3, 5);
            float[][] zv = {{1, 2}, {-1, 0.5f}, {3, -2}, {0.25f, 4}, {-3, 1}};
            float[] av = {0.1f, 0.4f, 0.0f, 0.3f, 0.5f};
            NDArray z = m.create(zv);
            NDArray alpha = m.create(av);
            // interpolation with the partner in the reversed batch: i with 4 - i
            double[][] mix = rows(AcaiLoss.interpolate(z, alpha));
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 2; j++) {
                    assertThat(mix[i][j]).as("z~[%d][%d]", i, j).isCloseTo(av[i] * zv[i][j] + (1 - av[i]) * zv[4 - i][j], within(1e-6));
                }
            }
            // the critic's answer: the mean of its last layer's outputs
            NDArray x = m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(5, 5));
            double[][] last = rows(critic.encode(x, true));
            float[] d = AcaiLoss.critic(critic, x, true).toFloatArray();
            for (int i = 0; i < 5; i++) {
                assertThat(d[i]).isCloseTo((float) ((last[i][0] + last[i][1]) / 2), within(1e-6f));
            }
            float[] dBlend = {0.3f, -0.2f, 0.05f, 0.7f, -0.4f};
            double adv = 0;
            double critLoss = 0;
            for (int i = 0; i < 5; i++) {
                adv += d[i] * d[i] / 5.0;
                critLoss += (d[i] - av[i]) * (d[i] - av[i]) / 5.0 + dBlend[i] * dBlend[i] / 5.0;
            }
            NDArray dArray = m.create(d);
            assertThat(AcaiLoss.adversarial(dArray).getFloat()).isCloseTo((float) adv, within(1e-6f));
            NDArray rec = m.create(0.125f);
            assertThat(AcaiLoss.autoencoder(rec, AcaiLoss.adversarial(dArray), 0.5).getFloat()).isCloseTo((float) (0.125 + 0.5 * adv), within(1e-6f));
            assertThat(AcaiLoss.critic(dArray, alpha, m.create(dBlend)).getFloat()).isCloseTo((float) critLoss, within(1e-6f));
            // the blend gamma x + (1 - gamma) x^
            NDArray xHat = m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(5, 5));
            double[][] bl = rows(AcaiLoss.blend(x, xHat, 0.2));
            double[][] xs = rows(x);
            double[][] hs = rows(xHat);
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    assertThat(bl[i][j]).isCloseTo(0.2 * xs[i][j] + 0.8 * hs[i][j], within(1e-6));
                }
            }
        }
    }

    /**
     * One iteration against a direct computation on separate copies of the networks: the autoencoder
     * moves by Adam on its own loss alone (the critic frozen), and the critic by Adam on its loss alone
     * (on what the autoencoder produced before its step; nothing of the autoencoder's loss in its gradient).
     */
    @Test
    void eachNetworkStepsOnItsOwnLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(SyntheticData.blobs(8, 6, 2, 3).values(), new ai.djl.ndarray.types.Shape(8, 6));
            NDArray alpha = m.create(new float[] {0.1f, 0.45f, 0.2f, 0.0f, 0.3f, 0.5f, 0.05f, 0.25f});
            double lambda = 0.5;
            double gamma = 0.2;
            EncoderNetwork net = build(m, 1, 6);
            EncoderNetwork critic = build(m, 2, 6);
            try (Adam aeOpt = new Adam(net.parameters(), m, 1e-3); Adam criticOpt = new Adam(critic.encoderParameters(), m, 1e-3)) {
                new AcaiStep(net, critic, aeOpt, criticOpt, lambda).step(m, x, alpha, gamma);
            }
            // the reference: the same initial networks, each loss written out and stepped on its own
            EncoderNetwork refNet = build(m, 1, 6);
            EncoderNetwork refCriticA = build(m, 2, 6);
            EncoderNetwork refCriticB = build(m, 2, 6);
            NDArray z0 = refNet.encode(x, false);
            NDArray xHat0 = refNet.decode(z0, false);
            NDArray xMix0 = refNet.decode(z0.mul(alpha.reshape(-1, 1)).add(z0.flip(0).mul(alpha.neg().add(1f).reshape(-1, 1))), false);
            try (Adam aeOpt = new Adam(refNet.parameters(), m, 1e-3); Adam criticOpt = new Adam(refCriticB.encoderParameters(), m, 1e-3)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = refNet.encode(x, true);
                    NDArray zMix = z.mul(alpha.reshape(-1, 1)).add(z.flip(0).mul(alpha.neg().add(1f).reshape(-1, 1)));
                    NDArray d = refCriticA.encode(refNet.decode(zMix, true), true).mean(new int[] {1});
                    gc.backward(Reconstruction.meanSquared(refNet.decode(z, true), x).add(Scalars.mul(d.square().mean(), (float) lambda)));
                }
                aeOpt.step(m);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray d1 = refCriticB.encode(xMix0, true).mean(new int[] {1});
                    NDArray d2 = refCriticB.encode(Scalars.mul(x, (float) gamma).add(Scalars.mul(xHat0, (float) (1 - gamma))), true).mean(new int[] {1});
                    gc.backward(d1.sub(alpha).square().mean().add(d2.square().mean()));
                }
                criticOpt.step(m);
            }
            assertSameArrays(net.state(), refNet.state(), 1e-6);
            assertSameArrays(critic.encoderState(), refCriticB.encoderState(), 1e-6);
            // and both moved (the check above is not about untouched networks)
            assertThat(maxDifference(critic.encoderState(), refCriticA.encoderState())).isGreaterThan(1e-4);
            assertThat(maxDifference(net.state(), build(m, 1, 6).state())).isGreaterThan(1e-4);
        }
    }

    private static double maxDifference(Map<String, NDArray> a, Map<String, NDArray> b) {
        double max = 0;
        for (String k : a.keySet()) {
            max = Math.max(max, a.get(k).sub(b.get(k)).abs().max().getFloat());
        }
        return max;
    }

    private static void assertSameArrays(Map<String, NDArray> a, Map<String, NDArray> b, double tol) {
        assertThat(a.keySet()).isEqualTo(b.keySet());
        for (String k : a.keySet()) {
            assertThat((double) a.get(k).sub(b.get(k)).abs().max().getFloat()).as(k).isLessThanOrEqualTo(tol);
        }
    }

    /**
     * With λ = 0 the autoencoder's parameters are, bit for bit, those of the shared pretraining with the
     * same Adam rate, batch size, epochs and batch order (the phase name gives the shuffles), while the
     * critic still trains beside it on its own random stream.
     */
    @Test
    void lambdaZeroIsThePlainAutoencoderStepForStep() {
        Dataset data = SyntheticData.blobs(64, 10, 3, 1).withoutLabels();
        Map<String, NDArray> plain;
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = context(m, backbone, null, new ArrayList<>());
            EncoderNetwork net = Pretraining.pretrain(data, ctx, new Pretraining.Settings(3, 1e-3, 16), m.newSubManager());
            plain = net.state();
            for (double lambda : new double[] {0.0, 0.5}) {
                List<EpochReport> reports = new ArrayList<>();
                try (LatentModel lm = new AcaiLearner(Pretraining.PHASE, params("epochs", 3, "batchSize", 16, "lr", 1e-3, "lambda", lambda,
                        "gammaMin", 0.0, "gammaMax", 0.5, "kmeansRestarts", 1)).fit(data, context(m, backbone, null, reports))) {
                    double diff = maxDifference(lm.network().state(), plain);
                    if (lambda == 0) {
                        assertThat(diff).as("lambda = 0: largest difference from the plain autoencoder").isEqualTo(0.0);
                    } else {
                        assertThat(diff).as("lambda = 0.5 changes the autoencoder").isGreaterThan(1e-4);
                    }
                }
                assertThat(reports).hasSize(3);
                assertThat(reports.get(2).values()).containsKeys("reconstruction", "adversarial", "critic");
                assertThat(reports.get(2).values().get("critic")).isPositive();
            }
        }
    }

    /**
     * An autoencoder that did not learn (no epoch at all here; on MNIST-10k, the critic at Adam 1e-3)
     * is named at the end of the phase, label-free, with what to try; a trained one is not.
     */
    @Test
    void anAutoencoderThatLearnedLittleIsWarnedAbout() {
        Dataset data = SyntheticData.blobs(64, 10, 3, 1).withoutLabels();
        for (int epochs : new int[] {0, 60}) {
            List<String> infos = new ArrayList<>();
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext ctx = TrainingContext.builder(m).seed(5).clusters(3).backbone(backbone).events(new org.dclust.api.train.EventSink() {
                    @Override
                    public void info(String message) {
                        infos.add(message);
                    }
                }).build();
                provider.create(params("epochs", epochs, "batchSize", 16, "kmeansRestarts", 1)).fit(data, ctx).close();
            }
            if (epochs == 0) {
                assertThat(infos).singleElement().asString().startsWith("warning: the autoencoder of acai learned little")
                        .contains("acai.criticLr", "acai.lambda");
            } else {
                assertThat(infos).as("trained for 60 epochs").noneMatch(s -> s.startsWith("warning"));
            }
        }
    }

    /** Image-shaped blobs (1 x 6 x 6) for the runs with augmentation. */
    private static Dataset images() {
        Dataset b = SyntheticData.blobs(90, 36, 3, 2);
        float[] v = b.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1 / (1 + Math.exp(-v[i])));
        }
        return new Dataset("images", v, new int[] {1, 6, 6}, b.labels(), 3);
    }

    /** A fit's labels (its own assignment) and every network array, flattened, to compare bit for bit. */
    private record Fit(int[] labels, float[] weights) {
    }

    private Fit fit(Map<String, Object> settings, Dataset data, Path checkpoints, List<EpochReport> reports) {
        Params p = Params.resolve(AcaiLearnerProvider.NAME, provider.parameters(), settings);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(1).clusters(3).backbone(backbone).checkpointDir(checkpoints)
                    .checkpointSeconds(0).events(ClusteringLearnersTest.sink(reports)).build();
            try (LatentModel lm = provider.create(p).fit(data, ctx)) {
                List<Float> all = new ArrayList<>();
                for (NDArray a : lm.network().state().values()) {
                    for (float v : a.toFloatArray()) {
                        all.add(v);
                    }
                }
                float[] w = new float[all.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = all.get(i);
                }
                return new Fit(Fits.predict(lm, data), w);
            }
        }
    }

    /**
     * Every random draw (shuffles, α, γ, the augmentation) comes from the seed: the same seed gives the
     * same weights and labels, and a run interrupted after 3 epochs and resumed ends where an
     * uninterrupted one does (labels are too coarse alone: they rarely move with one draw).
     */
    @Test
    void sameSeedSameWeightsAndResumedEqualsUninterrupted(@TempDir Path tmp) {
        Dataset data = images();
        Map<String, Object> six = Map.of("epochs", 6, "batchSize", 16, "alphaMax", 1.0, "gammaMin", 0.0, "gammaMax", 0.5,
                "augment", "affine", "kmeansRestarts", 2);
        Fit first = fit(six, data, null, new ArrayList<>());
        Fit second = fit(six, data, null, new ArrayList<>());
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.labels()).containsExactly(first.labels());
        Map<String, Object> three = new HashMap<>(six);
        three.put("epochs", 3);
        fit(three, data, tmp, new ArrayList<>());
        List<EpochReport> resumed = new ArrayList<>();
        Fit again = fit(six, data, tmp, resumed);
        assertThat(resumed.stream().map(EpochReport::epoch)).containsExactly(4, 5, 6);
        assertThat(again.weights()).containsExactly(first.weights());
        assertThat(again.labels()).containsExactly(first.labels());
    }

    @Test
    void parametersAreValidatedBeforeTraining() {
        assertThat(provider.validate(params("gammaMin", 0.3, "gammaMax", 0.2))).singleElement().asString()
                .contains("acai.gammaMin", "acai.gammaMax", "gammaMin <= gammaMax");
        assertThat(provider.validate(params("augment", "affine:degrees=500"))).singleElement().asString()
                .contains("acai.augment", "degrees");
        assertThat(provider.validate(params("augment", "wobble"))).singleElement().asString().contains("acai.augment", "affine");
        assertThat(provider.validate(params("augment", "affine:shift=0.2", "gammaMin", 0.0, "gammaMax", 0.5))).isEmpty();
        // augmentation of samples that are not images: refused before any epoch
        List<EpochReport> reports = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = context(m, backbone, null, reports);
            Dataset flat = SyntheticData.blobs(40, 36, 3, 2).withoutLabels();
            assertThatThrownBy(() -> provider.create(params("augment", "affine")).fit(flat, ctx)).isInstanceOf(DclustException.class)
                    .hasMessageContaining("acai.augment").hasMessageContaining("[36]").hasMessageContaining("augment=none");
        }
        assertThat(reports).isEmpty();
        // the presets: the paper's and DynAE's settings
        Params paper = Params.resolve("acai", provider.parameters(), provider.presets().get("paper"));
        assertThat(paper.getDouble("alphaMax")).isEqualTo(0.5);
        assertThat(paper.getDouble("gammaMin")).isEqualTo(0.2);
        assertThat(paper.getDouble("lr")).isEqualTo(1e-4);
        Params dynae = Params.resolve("acai", provider.parameters(), provider.presets().get("dynae"));
        assertThat(dynae.getDouble("alphaMax")).isEqualTo(1.0);
        assertThat(dynae.getString("augment")).isEqualTo("affine");
    }
}
