package org.dclust.phase1.learner;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.toolkit.augment.ImageAugmentation;

/**
 * What the learners that train on augmented views of images (moco, secu) share: the images' shape,
 * the pipeline a recipe parameter names (with {@code auto}, the recipe for the images' channels), and
 * the check of a recipe before training.
 */
final class ImageViews {
    /** A recipe parameter's value choosing the recipe by the number of channels. */
    static final String AUTO = "auto";

    private ImageViews() {
    }

    /**
     * {C, H, W} of the data's images.
     *
     * @param learner the learner's name, for the message
     * @throws DclustException when the samples are not images
     */
    static int[] shape(Dataset data, String learner) {
        int[] s = data.sampleShape();
        if (s.length == 3) {
            return s.clone();
        }
        if (s.length == 2) {
            return new int[] {1, s[0], s[1]};
        }
        throw new DclustException(learner + " learns from augmented views of images, but the data set " + data.name() + " has samples of shape "
                + Arrays.toString(s) + " (not channels x height x width); use a learner such as ae for vectors");
    }

    /**
     * The pipeline of {@code spec}, or for {@link #AUTO} of {@code grey} (one channel) or {@code colour} (three).
     *
     * @param setting the parameter as the user sets it ({@code moco.augment}), named in the message
     * @throws DclustException for {@link #AUTO} on images of other channel counts
     */
    static AugmentationPipeline pipeline(String spec, String grey, String colour, int[] chw, Dataset data, String setting) {
        String recipe = spec;
        if (AUTO.equals(spec)) {
            if (chw[0] != 1 && chw[0] != 3) {
                throw new DclustException(setting + " = " + AUTO + " knows grey (1 channel) and colour (3 channel) images; the data set "
                        + data.name() + " has " + chw[0] + " channels: name a recipe (" + String.join(", ", AugmentationRecipe.names()) + ")");
            }
            recipe = chw[0] == 1 ? grey : colour;
        }
        return AugmentationRecipe.parse(recipe).pipeline(chw[0], chw[1], chw[2], ImageAugmentation.PixelRange.of(data.values()));
    }

    /**
     * What is wrong with a recipe parameter's value, if anything: it does not parse, or (unless
     * {@code identityAllowed}) it leaves the images as they are.
     *
     * @param setting the parameter as the user sets it, named in the message
     * @param choices recipes to suggest
     */
    static Optional<String> problem(String spec, String setting, boolean identityAllowed, List<String> choices) {
        if (AUTO.equals(spec)) {
            return Optional.empty();
        }
        try {
            boolean identity = AugmentationRecipe.parse(spec).pipeline(1, 8, 8, ImageAugmentation.PixelRange.UNIT).isIdentity();
            if (!identityAllowed && identity) {
                return Optional.of(setting + " = " + spec + " leaves the images as they are: the two views would be equal and there "
                        + "would be nothing to learn; choose a recipe that augments (" + String.join(", ", choices) + ")");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(setting + " = " + spec + " is not valid: " + e.getMessage());
        }
    }
}
