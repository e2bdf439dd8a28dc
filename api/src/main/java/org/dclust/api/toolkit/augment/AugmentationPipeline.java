package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
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

    /**
     * The pipeline a recipe ({@link AugmentationRecipe#parse}) gives for a data set's samples, or null
     * when it would change nothing ({@code none}), so that a caller leaves its batches untouched.
     * Photometric steps clamp to the data's smallest and largest values ([0, 1] for dclust's image
     * readers).
     *
     * @param setting the parameter as the user sets it ({@code acai.augment}), named in the message
     * @throws DclustException when the recipe augments and the samples are not channels x height x
     *     width images; IllegalArgumentException when the recipe does not parse (a provider's
     *     {@code validate} reports that earlier)
     */
    public static AugmentationPipeline forData(String spec, Dataset data, String setting) {
        AugmentationRecipe recipe = AugmentationRecipe.parse(spec);
        Optional<String> problem = dataProblem(spec, data, setting);
        if (problem.isPresent()) {
            throw new DclustException(problem.get());
        }
        int[] s = data.sampleShape();
        AugmentationPipeline p = s.length == 3 ? recipe.pipeline(s[0], s[1], s[2], ImageAugmentation.PixelRange.of(data.values())) : null;
        return p == null || p.isIdentity() ? null : p;
    }

    /**
     * What {@link #forData} would refuse, without building the pipeline: a recipe that augments, on a
     * data set whose samples are not channels x height x width images. For a provider's
     * {@code validate(Params, Dataset)}, so the run is refused before anything is written.
     *
     * @param setting the parameter as the user sets it, named in the message
     * @return the message, or empty when the recipe suits the data (or does not parse: the provider's
     *     {@code validate(Params)} reports that)
     */
    public static Optional<String> dataProblem(String spec, Dataset data, String setting) {
        int[] s = data.sampleShape();
        if (s.length == 3) {
            return Optional.empty();
        }
        try {
            if (AugmentationRecipe.parse(spec).pipeline(1, 1, 1, ImageAugmentation.PixelRange.UNIT).isIdentity()) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(setting + " = " + spec + " augments images, but the data set " + data.name() + " has samples of shape "
                + Arrays.toString(s) + " (not channels x height x width); use " + setting + "=none");
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
