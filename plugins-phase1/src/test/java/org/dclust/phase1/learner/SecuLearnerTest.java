package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.TrainingContext;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secu learner: its schedule, determinism and resume, what it hands on, and what it refuses before training. */
class SecuLearnerTest {
    private final SecuLearnerProvider provider = new SecuLearnerProvider();
    private static final Map<String, Object> TINY = Map.of("epochs", 4, "batchSize", 16, "heads", 2, "dim", 8, "warmupEpochs", 2);

    private Params params(Map<String, Object> settings) {
        return Params.resolve(SecuLearner.NAME, provider.parameters(), settings);
    }

    private record Fit(int[] labels, float[] weights, float[][] centres, String assignment) {
    }

    /** Fits with seed 1 and K = 3; cancelled after {@code stopAfter} batches when positive. */
    private Fit fit(Map<String, Object> settings, Dataset data, Path checkpoints, int stopAfter, List<EpochReport> reports) {
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = Fits.interruptible(m, 3, MocoLearnerTest.resnet(), checkpoints, stopAfter, reports);
            try (LatentModel lm = provider.create(params(settings)).fit(data.withoutLabels(), ctx)) {
                return new Fit(Fits.predict(lm, data), Fits.weights(lm), lm.centres(), lm.assignment().toString());
            }
        }
    }

    /**
     * The authors' schedule at W = 11 of 401 epochs, n = 10 steps an epoch: 0 throughout epoch 0, then
     * lr·max(1, t − n)/(10 n) (lr/100 at the first step of epoch 1, lr·99/100 at the last of epoch 10),
     * then the cosine from lr at step W·n to 0 at the end; W = 0 is the cosine alone.
     */
    /**
     * Parameters resolved without a preset (the provider used directly, or a run whose preset only
     * another of its plugins defines) are the default preset's, not the paper's GPU-sized ones.
     */
    @Test
    void theDeclaredDefaultsAreTheDefaultPresets() {
        assertThat(Params.defaults(provider.name(), provider.parameters())).isEqualTo(params(provider.presets().get("default")));
        assertThat(params(provider.presets().get("paper")).getInt("heads")).as("the paper preset keeps the paper's").isEqualTo(10);
    }

    @Test
    void theScheduleFreezesTheEncoderForAnEpochThenRampsThenFollowsACosine() {
        assertThat(SecuLearner.encoderLr(0.2, 0, 7, 10, 401, 11)).isZero();
        assertThat(SecuLearner.encoderLr(0.2, 1, 0, 10, 401, 11)).isCloseTo(0.2 / 100, within(1e-12));
        assertThat(SecuLearner.encoderLr(0.2, 1, 5, 10, 401, 11)).isCloseTo(0.2 * 5 / 100, within(1e-12));
        assertThat(SecuLearner.encoderLr(0.2, 10, 9, 10, 401, 11)).isCloseTo(0.2 * 99 / 100, within(1e-12));
        assertThat(SecuLearner.encoderLr(0.2, 11, 0, 10, 401, 11)).isCloseTo(0.2, within(1e-12));
        assertThat(SecuLearner.encoderLr(0.2, 206, 0, 10, 401, 11)).isCloseTo(0.1, within(1e-12));
        assertThat(SecuLearner.encoderLr(0.2, 3, 0, 10, 4, 0)).isCloseTo(0.2 * 0.5 * (1 + Math.cos(Math.PI * 30 / 40)), within(1e-12));
    }

    /**
     * Every draw comes from the seed (views, centres, weights, shuffles): the same seed gives the same
     * network and labels; a run stopped in its third epoch (7 batches an epoch, the last of 4 samples)
     * and started again ends where an uninterrupted one does, its duals, label memory, centres and both
     * optimizers' velocities restored from the checkpoint of epoch 2. The model hands on the first
     * head's 3 unit centres in the 8-value embedding and SeCu's softmax at τ_w.
     */
    @Test
    void sameSeedSameModelAndAnInterruptedRunResumesToIt(@TempDir Path tmp) {
        Dataset data = MocoLearnerTest.images();
        List<EpochReport> reports = new ArrayList<>();
        Fit first = fit(TINY, data, null, 0, reports);
        assertThat(reports).hasSize(4);
        assertThat(reports.get(0).values()).containsKeys("loss", "representation", "centre", "clustersUsed", "largestShare",
                "smallestShare", "lr");
        assertThat(reports.get(0).values().get("lr")).isZero();
        assertThat(reports.get(1).values().get("lr")).isCloseTo(SecuLearner.encoderLr(0.2, 1, 6, 7, 4, 2), within(1e-12));
        assertThat(first.centres()).hasNumberOfRows(3);
        for (float[] c : first.centres()) {
            assertThat(c).hasSize(8);
            double norm = 0;
            for (float v : c) {
                norm += v * v;
            }
            assertThat(norm).isCloseTo(1, within(1e-5));
        }
        assertThat(first.assignment()).startsWith("cosine-softmax").contains("0.05");
        Fit second = fit(TINY, data, null, 0, new ArrayList<>());
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.labels()).containsExactly(first.labels());
        assertThatThrownBy(() -> fit(TINY, data, tmp, 17, new ArrayList<>())).isInstanceOf(CancelledException.class);
        List<EpochReport> resumed = new ArrayList<>();
        Fit again = fit(TINY, data, tmp, 0, resumed);
        assertThat(resumed.stream().map(EpochReport::epoch)).containsExactly(3, 4);
        assertThat(again.weights()).containsExactly(first.weights());
        assertThat(again.centres()).isDeepEqualTo(first.centres());
        assertThat(again.labels()).containsExactly(first.labels());
        Map<String, Object> entropy = new HashMap<>(TINY);
        entropy.put("constraint", "entropy");
        entropy.put("alpha", 50.0);
        entropy.put("epochs", 2);
        assertThat(fit(entropy, data, null, 0, new ArrayList<>()).labels()).hasSize(100);
    }

    @Test
    void memoryStaysFlat() {
        Map<String, Object> six = new HashMap<>(TINY);
        six.put("epochs", 6);
        List<Integer> counts = Fits.arrayCounts(provider, six, MocoLearnerTest.images(), MocoLearnerTest.resnet(), null);
        assertThat(counts).hasSize(6);
        // 7 batches an epoch: a per-batch leak would add at least 7 arrays an epoch
        assertThat(counts.get(5) - counts.get(1)).as("arrays gained over 4 epochs: %s", counts).isLessThanOrEqualTo(4);
    }

    @Test
    void settingsAndDataThatCannotWorkAreRefusedBeforeTraining() {
        assertThat(provider.validate(params(Map.of("augment", "grey28:wobble=1")))).singleElement().asString().contains("secu.augment");
        assertThat(provider.validate(params(Map.of("augment", "none", "augment2", "none")))).singleElement().asString()
                .contains("secu.augment = none", "secu.augment2 = none", "equal");
        assertThat(provider.validate(params(Map.of("augment", "none")))).as("one view augmented is enough").isEmpty();
        assertThat(provider.presets()).containsOnlyKeys("quick", "default", "paper");
        for (String preset : List.of("quick", "default", "paper")) {
            assertThat(provider.validate(params(provider.presets().get(preset)))).as(preset).isEmpty();
            assertThat(provider.description()).contains(preset + " = ");
        }
        Params paper = params(provider.presets().get("paper"));
        assertThat(paper.getInt("epochs")).isEqualTo(401);
        assertThat(paper.getInt("warmupEpochs")).isEqualTo(11);
        assertThat(paper.getDouble("centreLr")).isEqualTo(1.2);
        assertThat(paper.getInt("heads")).isEqualTo(10);
        assertThat(provider.paper()).isPresent();
        assertThat(provider.defaultBackbone()).isEqualTo("resnet");
        assertThat(provider.needsDecoder(params(TINY))).isFalse();
        List<EpochReport> reports = new ArrayList<>();
        Dataset vectors = SyntheticData.blobs(100, 64, 3, 2);
        assertThatThrownBy(() -> fit(TINY, vectors, null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("[64]").hasMessageContaining("images");
        Map<String, Object> bigBatch = new HashMap<>(TINY);
        bigBatch.put("batchSize", 128);
        assertThatThrownBy(() -> fit(bigBatch, MocoLearnerTest.images(), null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("secu.batchSize = 128").hasMessageContaining("100 samples");
        assertThat(reports).isEmpty();
        // the same checks as the framework makes them, with the data loaded and nothing written or trained
        assertThat(provider.validate(params(TINY), MocoLearnerTest.images())).isEmpty();
        assertThat(provider.validate(params(TINY), vectors)).singleElement().asString().contains("[64]", "images");
        assertThat(provider.validate(params(bigBatch), MocoLearnerTest.images())).singleElement().asString()
                .contains("secu.batchSize = 128", "100 samples", "at most 100");
        Dataset twoChannels = new Dataset("two", new float[100 * 2 * 16], new int[] {2, 4, 4}, null, 0);
        assertThat(provider.validate(params(TINY), twoChannels)).hasSize(2).allSatisfy(m -> assertThat(m).contains("= auto", "2 channels"))
                .anySatisfy(m -> assertThat(m).startsWith("secu.augment2 "));
    }
}
