package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Augmented pretraining (issue 16, item 6; DEC-DA): off, the batches are the data as they are and the
 * settings and cache key are those of a pretraining without the option; on, each batch is a seeded view
 * drawn per (seed, epoch, batch), so the same seed trains the same network, a resumed pretraining ends
 * where an uninterrupted one does, and the cache keeps the two apart.
 */
class AugmentedPretrainingTest {
    /** 24 grey 8 x 8 images: a bright square at a random place on a dark background. */
    private static Dataset images() {
        Random r = new Random(3);
        float[] v = new float[24 * 64];
        for (int i = 0; i < 24; i++) {
            int x0 = r.nextInt(5);
            int y0 = r.nextInt(5);
            for (int y = y0; y < y0 + 3; y++) {
                for (int x = x0; x < x0 + 3; x++) {
                    v[i * 64 + y * 8 + x] = 0.5f + 0.5f * r.nextFloat();
                }
            }
        }
        return new Dataset("squares", v, new int[] {1, 8, 8}, null, 2);
    }

    /** A 64-16-3 autoencoder with its mirror. */
    private static final Backbone TINY = new TinyBackbone(new int[] {16}, 3);

    private static TrainingContext context(NDManager m, long seed, Path checkpoints) {
        return TrainingContext.builder(m).seed(seed).clusters(2).backbone(TINY).checkpointDir(checkpoints).checkpointSeconds(0).build();
    }

    private static Map<String, float[]> pretrain(Dataset data, long seed, Pretraining.Settings s, Path checkpoints) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager m = NDManager.newBaseManager()) {
            try (EncoderNetwork net = Pretraining.pretrain(data, context(m, seed, checkpoints), s, m.newSubManager())) {
                net.state().forEach((k, v) -> out.put(k, v.toFloatArray()));
            }
        }
        return out;
    }

    private static int[] indices() {
        return new int[] {5, 0, 17, 9};
    }

    @Test
    void offTheBatchesAreTheDataAndTheSettingsAndKeyThoseWithoutTheOption() {
        Dataset data = images();
        Params defaults = Params.defaults("ae", Pretraining.parameters());
        assertThat(Pretraining.Settings.from(defaults)).isEqualTo(new Pretraining.Settings(100, 1e-3, 256));
        assertThat(AugmentationPipeline.forData("none", data, Pretraining.AUGMENT)).isNull();
        assertThat(AugmentationPipeline.forData("affine:shift=0,degrees=0", data, Pretraining.AUGMENT)).as("all strengths zero").isNull();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = context(m, 1, null);
            assertThat(Pretraining.batch(data, null, ctx, m, indices(), 3, 1).toFloatArray())
                    .containsExactly(data.batch(m, indices()).toFloatArray());
            assertThat(Pretraining.key(data, ctx, Pretraining.Settings.from(defaults)))
                    .isEqualTo(Pretraining.key(data, ctx, new Pretraining.Settings(100, 1e-3, 256)));
        }
    }

    @Test
    void onEachBatchIsAViewDrawnPerSeedEpochAndBatch() {
        Dataset data = images();
        AugmentationPipeline affine = AugmentationPipeline.forData("affine", data, Pretraining.AUGMENT);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = context(m, 1, null);
            float[] plain = data.batch(m, indices()).toFloatArray();
            float[] view = Pretraining.batch(data, affine, ctx, m, indices(), 3, 1).toFloatArray();
            assertThat(view).isNotEqualTo(plain);
            assertThat(view).as("the toolkit's pipeline with the pretraining's generator for (seed, epoch 3, batch 1)")
                    .containsExactly(affine.apply(data.batch(m, indices()), AugmentationPipeline.random(ctx, "pretrain", 3, 1)).toFloatArray());
            assertThat(Pretraining.batch(data, affine, context(m, 1, null), m, indices(), 3, 1).toFloatArray()).as("same seed").containsExactly(view);
            assertThat(Pretraining.batch(data, affine, ctx, m, indices(), 4, 1).toFloatArray()).as("next epoch").isNotEqualTo(view);
            assertThat(Pretraining.batch(data, affine, ctx, m, indices(), 3, 0).toFloatArray()).as("other batch").isNotEqualTo(view);
            assertThat(Pretraining.batch(data, affine, context(m, 2, null), m, indices(), 3, 1).toFloatArray()).as("other seed")
                    .isNotEqualTo(view);
        }
    }

    @Test
    void augmentedPretrainingIsSeededResumesToTheSameNetworkAndIsCachedApart(@TempDir Path tmp) {
        Dataset data = images();
        Pretraining.Settings affine = new Pretraining.Settings(3, 1e-2, 8, "affine");
        Map<String, float[]> once = pretrain(data, 5, affine, null);
        Map<String, float[]> again = pretrain(data, 5, affine, null);
        Map<String, float[]> plain = pretrain(data, 5, new Pretraining.Settings(3, 1e-2, 8), null);
        once.forEach((k, v) -> assertThat(again.get(k)).as(k).containsExactly(v));
        assertThat(once.keySet()).as("augmentation changes what is learned").anyMatch(k -> !java.util.Arrays.equals(once.get(k), plain.get(k)));
        // stopped after one epoch, then started again to three: the same network as without the stop
        pretrain(data, 5, new Pretraining.Settings(1, 1e-2, 8, "affine"), tmp.resolve("ck"));
        Map<String, float[]> resumed = pretrain(data, 5, affine, tmp.resolve("ck"));
        once.forEach((k, v) -> assertThat(resumed.get(k)).as(k).containsExactly(v));
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = context(m, 5, null);
            String key = Pretraining.key(data, ctx, affine);
            assertThat(key).isNotEqualTo(Pretraining.key(data, ctx, new Pretraining.Settings(3, 1e-2, 8)));
            assertThat(key).isNotEqualTo(Pretraining.key(data, ctx, new Pretraining.Settings(3, 1e-2, 8, "affine:degrees=5")));
            assertThat(key).as("another spelling of the same recipe").isEqualTo(Pretraining.key(data, ctx, new Pretraining.Settings(3, 1e-2, 8, "Affine:shift=0.1")));
        }
    }

    @Test
    void aRecipeThatDoesNotParseOrSamplesThatAreNotImagesAreUserErrors() {
        Params bad = Params.resolve("dec", Pretraining.parameters(), Map.of(Pretraining.AUGMENT, "spin"));
        assertThat(Pretraining.validate(bad)).singleElement().asString()
                .startsWith("dec.pretrainAugment = spin is not valid: unknown augmentation recipe 'spin'; known: none, colour32, grey28, affine");
        assertThat(Pretraining.validate(Params.defaults("dec", Pretraining.parameters()))).isEmpty();
        Dataset vectors = new Dataset("vectors", new float[40], new int[] {4}, null, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> Pretraining.pretrain(vectors, context(m, 1, null), new Pretraining.Settings(1, 1e-3, 4, "affine"), m.newSubManager()))
                    .isInstanceOf(DclustException.class)
                    .hasMessage("pretrainAugment = affine augments images, but the data set vectors has samples of shape [4] "
                            + "(not channels x height x width); use pretrainAugment=none");
        }
    }
}
