package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.dclust.api.train.TrainingContext;

/**
 * Augmentations applied in order to a batch of images, each drawing from the same seeded generator in
 * turn. Takes samples as flat rows {@code (B, C*H*W)} (as dclust's data sets hand them out) or as
 * {@code (B, C, H, W)}, and returns the same shape.
 *
 * <p>Seeding: {@link #random} derives a generator from the run's seed, a view name ("query", "key",
 * "view1"...), the epoch and the batch index, so the same seed gives the same views and a run resumed
 * at epoch e draws what an uninterrupted one would.
 */
public record AugmentationPipeline(List<ImageAugmentation> steps, int channels, int height, int width,
        ImageAugmentation.PixelRange range) {

    public AugmentationPipeline {
        steps = List.copyOf(steps);
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
    }

    /** The generator for one view of one batch of one epoch. */
    public static Random random(TrainingContext ctx, String view, int epoch, int batch) {
        return new Random(ctx.seedFor("augment." + view + "." + batch, epoch));
    }

    /** True when no step would change anything (the {@code none} recipe). */
    public boolean isIdentity() {
        return steps.isEmpty();
    }

    /**
     * One augmented view of the batch.
     *
     * @param batch {@code (B, C*H*W)} or {@code (B, C, H, W)} float32 pixels within {@link #range()}
     * @return the view, same shape, in the batch's manager
     */
    public NDArray apply(NDArray batch, Random random) {
        Shape original = batch.getShape();
        long b = original.get(0);
        if (original.size() != b * channels * height * width) {
            throw new IllegalArgumentException("a batch of " + original + " is not " + b + " images of " + channels + "x" + height + "x" + width);
        }
        NDArray x = batch.reshape(b, channels, height, width);
        for (ImageAugmentation step : steps) {
            x = step.apply(x, random, range);
        }
        return x.reshape(original);
    }
}
