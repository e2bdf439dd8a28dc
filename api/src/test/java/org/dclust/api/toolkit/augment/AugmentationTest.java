package org.dclust.api.toolkit.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.dclust.api.toolkit.augment.ImageAugmentation.PixelRange;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;

/** The batched augmentations: shapes, ranges, seeding, identities, and pixels computed directly. */
class AugmentationTest {
    private static float[] pixels(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat();
        }
        return x;
    }

    @Test
    void everyRecipeKeepsShapeAndRangeOnGreyAndColourImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] shape : new int[][] {{1, 28, 28}, {3, 32, 32}}) {
                int c = shape[0];
                int h = shape[1];
                int w = shape[2];
                NDArray flat = m.create(pixels(6 * c * h * w, 1), new Shape(6, c * h * w));
                for (String name : AugmentationRecipe.names()) {
                    AugmentationPipeline p = AugmentationRecipe.parse(name).pipeline(c, h, w, PixelRange.UNIT);
                    NDArray out = p.apply(flat, new Random(3));
                    assertThat(out.getShape()).as(name).isEqualTo(flat.getShape());
                    assertThat(out.min().getFloat()).as(name).isGreaterThanOrEqualTo(0f);
                    assertThat(out.max().getFloat()).as(name).isLessThanOrEqualTo(1f);
                    if (!name.equals("none")) {
                        assertThat(out.toFloatArray()).as(name + " changes the images").isNotEqualTo(flat.toFloatArray());
                    }
                }
            }
        }
    }

    @Test
    void sameSeedEpochAndBatchGiveTheSameViewsAndAResumedRunDrawsTheSame() {
        TrainingContext a;
        TrainingContext b;
        try (NDManager m = NDManager.newBaseManager()) {
            a = TrainingContext.builder(m).seed(7).build();
            b = TrainingContext.builder(m).seed(7).build();
            AugmentationPipeline p = AugmentationRecipe.parse("colour32").pipeline(3, 32, 32, PixelRange.UNIT);
            NDArray x = m.create(pixels(4 * 3 * 32 * 32, 2), new Shape(4, 3 * 32 * 32));
            // an uninterrupted run draws batches 0..2 of epoch 5; a resumed one draws batch 2 first
            AugmentationPipeline.random(a, "query", 5, 0);
            float[] uninterrupted = p.apply(x, AugmentationPipeline.random(a, "query", 5, 2)).toFloatArray();
            float[] resumed = p.apply(x, AugmentationPipeline.random(b, "query", 5, 2)).toFloatArray();
            assertThat(resumed).isEqualTo(uninterrupted);
            assertThat(p.apply(x, AugmentationPipeline.random(a, "key", 5, 2)).toFloatArray()).isNotEqualTo(uninterrupted);
            assertThat(p.apply(x, AugmentationPipeline.random(a, "query", 6, 2)).toFloatArray()).isNotEqualTo(uninterrupted);
            assertThat(p.apply(x, AugmentationPipeline.random(a, "query", 5, 3)).toFloatArray()).isNotEqualTo(uninterrupted);
        }
    }

    @Test
    void zeroStrengthIsTheIdentityExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(pixels(3 * 3 * 8 * 6, 4), new Shape(3, 3, 8, 6));
            float[] in = x.toFloatArray();
            ImageAugmentation[] zero = {new RandomWarp(1, 1, 1, 1, 0, 0, 0), new ColourJitter(0, 0, 0, 0, 1), new RandomGrayscale(0),
                new GaussianBlur(0.5, 1, 0), new GaussianNoise(0), new Solarize(0.5, 0)};
            for (ImageAugmentation step : zero) {
                assertThat(step.apply(x, new Random(1), PixelRange.UNIT).toFloatArray()).as(step.toString()).isEqualTo(in);
            }
            assertThat(AugmentationRecipe.parse("none").pipeline(3, 8, 6, PixelRange.UNIT).apply(x, new Random(1)).toFloatArray()).isEqualTo(in);
            // a hue rotation by 0 turns and jitter factors of 1 change nothing either (up to float rounding)
            assertThat(new ColourJitter(0, 0, 0, 1e-9, 1).apply(x, new Random(1), PixelRange.UNIT).toFloatArray())
                    .containsExactly(in, within(1e-5f));
        }
    }

    @Test
    void aFlipMirrorsTheColumnsAndAnIntegerShiftMovesPixelsAndFillsZeros() {
        try (NDManager m = NDManager.newBaseManager()) {
            int h = 5;
            int w = 4;
            float[] in = pixels(h * w, 5);
            NDArray x = m.create(in, new Shape(1, 1, h, w));
            float[] flipped = new RandomWarp(1, 1, 1, 1, 1, 0, 0).apply(x, new Random(1), PixelRange.UNIT).toFloatArray();
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    assertThat(flipped[v * w + u]).isEqualTo(in[v * w + (w - 1 - u)]);
                }
            }
            // replay the shift's draw, then compare with out[v][u] = in[v - sy][u - sx]
            RandomWarp shift = new RandomWarp(1, 1, 1, 1, 0, 0, 0.5);
            RandomWarp.Map2 map = shift.draw(new Random(9), h, w);
            int sx = (int) map.shiftX();
            int sy = (int) map.shiftY();
            assertThat(Math.abs(sx) + Math.abs(sy)).as("the seed draws a shift").isPositive();
            float[] shifted = shift.apply(x, new Random(9), PixelRange.UNIT).toFloatArray();
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    int sv = v - sy;
                    int su = u - sx;
                    float expected = sv >= 0 && sv < h && su >= 0 && su < w ? in[sv * w + su] : 0f;
                    assertThat(shifted[v * w + u]).as("(%d, %d)", v, u).isEqualTo(expected);
                }
            }
        }
    }

    /** A crop of a quarter of the area, resized back, bilinear, computed here pixel by pixel. */
    @Test
    void aResizedCropMatchesADirectBilinearComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            int n = 8;
            float[] in = pixels(n * n, 6);
            NDArray x = m.create(in, new Shape(1, 1, n, n));
            RandomWarp crop = new RandomWarp(0.25, 0.25, 1, 1, 1, 0, 0);
            RandomWarp.Map2 map = crop.draw(new Random(11), n, n);
            assertThat(map.cropW()).isCloseTo(4.0, within(1e-12));
            assertThat(map.flipped()).isTrue();
            float[] out = crop.apply(x, new Random(11), PixelRange.UNIT).toFloatArray();
            for (int v = 0; v < n; v++) {
                for (int u = 0; u < n; u++) {
                    int mirrored = n - 1 - u;
                    double sx = map.x0() + (mirrored + 0.5) * 4.0 / n - 0.5;
                    double sy = map.y0() + (v + 0.5) * 4.0 / n - 0.5;
                    assertThat(out[v * n + u]).as("(%d, %d)", v, u).isCloseTo((float) bilinear(in, n, sx, sy), within(1e-5f));
                }
            }
        }
    }

    private static double bilinear(float[] img, int n, double x, double y) {
        double total = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int xi = (int) Math.floor(x) + dx;
                int yi = (int) Math.floor(y) + dy;
                double wx = dx == 1 ? x - Math.floor(x) : 1 - (x - Math.floor(x));
                double wy = dy == 1 ? y - Math.floor(y) : 1 - (y - Math.floor(y));
                if (xi >= 0 && xi < n && yi >= 0 && yi < n) {
                    total += wx * wy * img[yi * n + xi];
                }
            }
        }
        return total;
    }

    @Test
    void aQuarterTurnMapsPixelsAroundTheCentre() {
        RandomWarp.Map2 quarter = new RandomWarp.Map2(0, 0, 3, 3, false, 90, 0, 0);
        // a 3 x 3 image, centre (1, 1): output (u, v) = (2, 1) comes from the rotation by -90 degrees of (1, 0) about the centre
        double[] p = quarter.source(2, 1, 3, 3);
        assertThat(p[0]).isCloseTo(1.0, within(1e-12));
        assertThat(p[1]).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void blurKeepsAConstantImageAndSolarizeInvertsTheBrightPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray flat = m.full(new Shape(2, 1, 6, 6), 0.3f);
            float[] blurred = new GaussianBlur(0.5, 1.5, 1).apply(flat, new Random(1), PixelRange.UNIT).toFloatArray();
            assertThat(blurred).containsOnly(new float[] {0.3f}, within(1e-6f));
            assertThat(GaussianBlur.reflect(-1, 5)).isEqualTo(1);
            assertThat(GaussianBlur.reflect(5, 5)).isEqualTo(3);
            assertThat(GaussianBlur.reflect(-6, 5)).isEqualTo(2);
            NDArray x = m.create(new float[] {0.2f, 0.7f, 0.5f, 0.49f}, new Shape(1, 1, 2, 2));
            assertThat(new Solarize(0.5, 1).apply(x, new Random(1), PixelRange.UNIT).toFloatArray())
                    .containsExactly(new float[] {0.2f, 0.3f, 0.5f, 0.49f}, within(1e-6f));
        }
    }

    /**
     * Solarize draws once per sample: with p = 0.3 the samples whose replayed draw is below 0.3 have their
     * bright pixels inverted (0.8 becomes 0.2 in [0, 1], 200 becomes 55 in [0, 255]) and the others are
     * left as they were, dark pixels always; SeCu's second view is the first with solarize p = 0.2 and blur p = 0.1.
     */
    @Test
    void solarizeChoosesSamplesByItsProbabilityAndFollowsThePixelRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            int b = 200;
            float[] in = new float[b * 2];
            for (int i = 0; i < b; i++) {
                in[2 * i] = 0.8f;
                in[2 * i + 1] = 0.1f;
            }
            float[] out = new Solarize(0.5, 0.3).apply(m.create(in, new Shape(b, 1, 1, 2)), new Random(5), PixelRange.UNIT).toFloatArray();
            Random replay = new Random(5);
            int inverted = 0;
            for (int i = 0; i < b; i++) {
                boolean chosen = replay.nextDouble() < 0.3;
                inverted += chosen ? 1 : 0;
                assertThat(out[2 * i]).as("sample %d", i).isCloseTo(chosen ? 0.2f : 0.8f, within(1e-6f));
                assertThat(out[2 * i + 1]).isEqualTo(0.1f);
            }
            assertThat(inverted).isBetween(40, 80);
            float[] bytes = new Solarize(0.5, 1).apply(m.create(new float[] {200f, 100f}, new Shape(1, 1, 1, 2)), new Random(1),
                    new PixelRange(0, 255)).toFloatArray();
            assertThat(bytes).containsExactly(55f, 100f);
        }
        AugmentationRecipe first = AugmentationRecipe.parse("secu32");
        AugmentationRecipe second = AugmentationRecipe.parse("secu32:blur=0.1,solarize=0.2");
        assertThat(first.get("crop")).isEqualTo(0.3);
        assertThat(first.get("blur")).isEqualTo(1.0);
        assertThat(first.get("solarize")).isZero();
        assertThat(second.pipeline(3, 32, 32, PixelRange.UNIT).steps()).hasSize(first.pipeline(3, 32, 32, PixelRange.UNIT).steps().size() + 1)
                .anySatisfy(step -> assertThat(step).isEqualTo(new Solarize(0.5, 0.2)));
    }

    @Test
    void brightnessAndContrastFollowTheirFormulas() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] in = {0.1f, 0.2f, 0.3f, 0.4f};
            NDArray x = m.create(in, new Shape(1, 1, 2, 2));
            Random replay = new Random(21);
            double f = 0.5 + replay.nextDouble(); // brightness 0.5: factor in [0.5, 1.5], p = 1 draws no chance
            float[] bright = new ColourJitter(0.5, 0, 0, 0, 1).apply(x, new Random(21), PixelRange.UNIT).toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertThat(bright[i]).isCloseTo((float) (in[i] * f), within(1e-6f));
            }
            double c = 0.5 + new Random(22).nextDouble(); // a step at strength 0 draws nothing
            float[] contrast = new ColourJitter(0, 0.5, 0, 0, 1).apply(x, new Random(22), PixelRange.UNIT).toFloatArray();
            double mean = 0.25;
            for (int i = 0; i < 4; i++) {
                assertThat(contrast[i]).isCloseTo((float) ((in[i] - mean) * c + mean), within(1e-6f));
            }
        }
    }

    @Test
    void recipesParseOverridesAndNameWhatIsWrong() {
        AugmentationRecipe r = AugmentationRecipe.parse("colour32:blur=0, crop=0.5");
        assertThat(r.get("blur")).isZero();
        assertThat(r.get("crop")).isEqualTo(0.5);
        assertThat(r.get("hue")).isEqualTo(0.1);
        assertThatThrownBy(() -> AugmentationRecipe.parse("color")).hasMessageContaining("unknown augmentation recipe 'color'")
                .hasMessageContaining("colour32");
        assertThatThrownBy(() -> AugmentationRecipe.parse("grey28:zoom=2")).hasMessageContaining("zoom=2").hasMessageContaining("degrees");
        assertThatThrownBy(() -> AugmentationRecipe.parse("grey28:flip=2")).hasMessageContaining("outside [0.0, 1.0]");
        assertThatThrownBy(() -> AugmentationRecipe.parse("grey28:flip=x")).hasMessageContaining("not a number");
    }
}
