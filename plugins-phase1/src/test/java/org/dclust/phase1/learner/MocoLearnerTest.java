package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.TrainingContext;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moco learner: determinism and resume, flat memory, its two feature spaces, and what it refuses before training. */
class MocoLearnerTest {
    private final MocoLearnerProvider provider = new MocoLearnerProvider();
    private static final Map<String, Object> TINY = Map.of("epochs", 4, "batchSize", 16, "queue", 32, "bnSplits", 2, "dim", 8,
            "kmeansRestarts", 2, "lr", 0.1);

    static Backbone resnet() {
        return Fits.resnet(8);
    }

    /** 100 grey 1×8×8 images in [0, 1]: three blobs of 64 values through a logistic. */
    static Dataset images() {
        Dataset b = SyntheticData.blobs(100, 64, 3, 2);
        float[] v = b.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1 / (1 + Math.exp(-v[i])));
        }
        return new Dataset("images", v, new int[] {1, 8, 8}, b.labels(), 3);
    }

    private Params params(Map<String, Object> settings) {
        return Params.resolve(MocoLearner.NAME, provider.parameters(), settings);
    }

    private record Fit(int[] labels, float[] weights, int dim) {
    }

    /** Fits with seed 1; cancelled after {@code stopAfter} batches when positive. */
    private Fit fit(Map<String, Object> settings, Dataset data, Path checkpoints, int stopAfter, List<EpochReport> reports) {
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = Fits.interruptible(m, 3, resnet(), checkpoints, stopAfter, reports);
            try (LatentModel lm = provider.create(params(settings)).fit(data.withoutLabels(), ctx)) {
                return new Fit(Fits.predict(lm, data), Fits.weights(lm), lm.network().latentDim());
            }
        }
    }

    /**
     * Every draw comes from the seed (views, key shuffles, the queue, weights): the same seed gives the
     * same weights and labels, and a run stopped in the middle of its third epoch (6 batches an epoch)
     * and started again ends where an uninterrupted one does, its cosine schedule, queue, key encoder
     * and momentum buffers restored from the checkpoint of epoch 2.
     */
    /**
     * Parameters resolved without a preset (the provider used directly, or a run whose preset only
     * another of its plugins defines) are the default preset's, not the paper's GPU-sized ones.
     */
    @Test
    void theDeclaredDefaultsAreTheDefaultPresets() {
        assertThat(Params.defaults(provider.name(), provider.parameters())).isEqualTo(params(provider.presets().get("default")));
        Params paper = params(provider.presets().get("paper"));
        assertThat(paper.getInt("queue")).as("the paper preset keeps the paper's").isEqualTo(65536);
        assertThat(paper.getDouble("keyMomentum")).isEqualTo(0.999);
        assertThat(paper.getDouble("lr")).isEqualTo(0.03);
    }

    @Test
    void sameSeedSameModelAndAnInterruptedRunResumesToIt(@TempDir Path tmp) {
        Dataset data = images();
        List<EpochReport> reports = new ArrayList<>();
        Fit first = fit(TINY, data, null, 0, reports);
        assertThat(reports).hasSize(4);
        assertThat(reports.get(0).values()).containsKeys("loss", "positiveTop1", "lr");
        assertThat(reports.get(1).values().get("lr")).isEqualTo(MocoLearner.cosine(0.1, 1, 4));
        Fit second = fit(TINY, data, null, 0, new ArrayList<>());
        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.labels()).containsExactly(first.labels());
        assertThatThrownBy(() -> fit(TINY, data, tmp, 14, new ArrayList<>())).isInstanceOf(CancelledException.class);
        List<EpochReport> resumed = new ArrayList<>();
        Fit again = fit(TINY, data, tmp, 0, resumed);
        assertThat(resumed.stream().map(EpochReport::epoch)).containsExactly(3, 4);
        assertThat(again.weights()).containsExactly(first.weights());
        assertThat(again.labels()).containsExactly(first.labels());
    }

    /** features = h hands on the trunk's 8 pooled values, z the head's {@code dim}, each L2-normalised. */
    @Test
    void theTwoFeatureSpaces() {
        Dataset data = images();
        Map<String, Object> z = new HashMap<>(TINY);
        z.put("epochs", 1);
        z.put("dim", 6);
        z.put("features", "z");
        assertThat(fit(z, data, null, 0, new ArrayList<>()).dim()).isEqualTo(6);
        z.put("features", "h");
        assertThat(fit(z, data, null, 0, new ArrayList<>()).dim()).as("the pooled features: width 8, two stages").isEqualTo(16);
    }

    @Test
    void memoryStaysFlat() {
        Map<String, Object> six = new HashMap<>(TINY);
        six.put("epochs", 6);
        List<Integer> counts = Fits.arrayCounts(provider, six, images(), resnet(), null);
        assertThat(counts).hasSize(6);
        // 6 batches an epoch: a per-batch leak would add at least 6 arrays an epoch
        assertThat(counts.get(5) - counts.get(1)).as("arrays gained over 4 epochs: %s", counts).isLessThanOrEqualTo(4);
    }

    @Test
    void settingsAndDataThatCannotWorkAreRefusedBeforeTraining() {
        Map<String, Object> bad = new HashMap<>(TINY);
        bad.put("queue", 40);
        bad.put("bnSplits", 3);
        bad.put("augment", "none");
        List<String> problems = provider.validate(params(bad));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("moco.queue = 40", "multiple of moco.batchSize = 16");
        assertThat(problems.get(1)).contains("moco.bnSplits = 3", "16");
        assertThat(problems.get(2)).contains("moco.augment = none", "equal");
        assertThat(provider.validate(params(Map.of("augment", "grey28:wobble=1")))).singleElement().asString().contains("moco.augment");
        assertThat(provider.presets()).containsOnlyKeys("quick", "default", "paper");
        for (String preset : List.of("quick", "default", "paper")) {
            assertThat(provider.validate(params(provider.presets().get(preset)))).as(preset).isEmpty();
            assertThat(provider.description()).contains(preset + " = ");
        }
        assertThat(provider.paper()).isPresent();
        assertThat(provider.defaultBackbone()).isEqualTo("resnet");
        assertThat(provider.needsDecoder(params(TINY))).isFalse();
        List<EpochReport> reports = new ArrayList<>();
        Dataset vectors = SyntheticData.blobs(100, 64, 3, 2);
        assertThatThrownBy(() -> fit(TINY, vectors, null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("[64]").hasMessageContaining("images");
        Map<String, Object> longQueue = new HashMap<>(TINY);
        longQueue.put("queue", 112);
        assertThatThrownBy(() -> fit(longQueue, images(), null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("moco.queue = 112").hasMessageContaining("100 samples").hasMessageContaining("at most 96");
        Map<String, Object> bigBatch = new HashMap<>(TINY);
        bigBatch.put("batchSize", 128);
        bigBatch.put("queue", 128);
        assertThatThrownBy(() -> fit(bigBatch, images(), null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("moco.batchSize = 128");
        Dataset fourChannels = new Dataset("rgba", new float[100 * 4 * 16], new int[] {4, 4, 4}, null, 0);
        assertThatThrownBy(() -> fit(TINY, fourChannels, null, 0, reports)).isInstanceOf(DclustException.class)
                .hasMessageContaining("4 channels");
        assertThat(reports).isEmpty();
        // the same checks as the framework makes them, with the data loaded and nothing written or trained
        assertThat(provider.validate(params(TINY), images())).isEmpty();
        assertThat(provider.validate(params(TINY), vectors)).singleElement().asString().contains("[64]", "images");
        assertThat(provider.validate(params(longQueue), images())).singleElement().asString().contains("moco.queue = 112", "at most 96");
        assertThat(provider.validate(params(bigBatch), images())).hasSize(2).anySatisfy(m -> assertThat(m).contains("moco.batchSize = 128",
                "at most 100")).anySatisfy(m -> assertThat(m).contains("moco.queue = 128", "both at most 100"));
        assertThat(provider.validate(params(TINY), fourChannels)).singleElement().asString().contains("moco.augment = auto", "4 channels");
        Map<String, Object> named = new HashMap<>(TINY);
        named.put("augment", "grey28");
        assertThat(provider.validate(params(named), fourChannels)).as("a named recipe serves any channels").isEmpty();
    }
}
