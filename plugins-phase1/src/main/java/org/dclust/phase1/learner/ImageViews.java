package org.dclust.phase1.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.toolkit.augment.ImageAugmentation;

/**
 * What the learners that train on augmented views of images (moco, secu) share: the images' shape,
 * the pipeline a recipe parameter names (with {@code auto}, the recipe for the images' channels), and
 * the checks of a recipe and of the data before training.
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
        throw notImages(data, learner);
    }

    /** Whether the data's samples are images, [C, H, W] or [H, W]. */
    static boolean isImages(Dataset data) {
        int n = data.sampleShape().length;
        return n == 2 || n == 3;
    }

    private static DclustException notImages(Dataset data, String learner) {
        int[] s = data.sampleShape();
        return new DclustException(learner + " learns from augmented views of images, but the data set " + data.name() + " has samples of shape "
                + Arrays.toString(s) + " (not channels x height x width); use a learner such as ae for vectors");
    }

    /**
     * What a learner on augmented views finds wrong with a data set before it trains: samples that
     * are not images (then only that), an {@link #AUTO} recipe on images of other than 1 or 3
     * channels, fewer samples than its {@code batchSize}.
     *
     * @param learner the learner's name, for the messages
     * @param recipes the learner's recipe parameters ({@code augment}, {@code augment2})
     * @return one line per problem; empty when the data suits
     */
    static List<String> dataProblems(Params p, Dataset data, String learner, String... recipes) {
        if (!isImages(data)) {
            return List.of(notImages(data, learner).getMessage());
        }
        int[] chw = shape(data, learner);
        List<String> problems = new ArrayList<>();
        for (String recipe : recipes) {
            if (AUTO.equals(p.getString(recipe)) && chw[0] != 1 && chw[0] != 3) {
                problems.add(learner + "." + recipe + " = " + AUTO + " knows grey (1 channel) and colour (3 channel) images; the data set "
                        + data.name() + " has " + chw[0] + " channels: name a recipe (" + String.join(", ", AugmentationRecipe.names()) + ")");
            }
        }
        int b = p.getInt("batchSize");
        if (data.size() < b) {
            problems.add(learner + ".batchSize = " + b + " exceeds the " + data.size() + " samples of " + data.name() + ": lower " + learner
                    + ".batchSize to at most " + data.size());
        }
        return problems;
    }

    /**
     * Throws a learner's data problems (its {@code validate(Params, Dataset)}) when it is fitted
     * without the framework's check before training (a test, a direct call).
     *
     * @throws InvalidParameterException when there is a problem
     */
    static void require(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
    }

    /**
     * The pipeline of {@code spec}, or for {@link #AUTO} of {@code grey} (one channel) or {@code colour}
     * (three). Call it once {@link #dataProblems} found none ({@link #AUTO} on other channel counts
     * would take {@code colour}).
     */
    static AugmentationPipeline pipeline(String spec, String grey, String colour, int[] chw, Dataset data) {
        String recipe = spec;
        if (AUTO.equals(spec)) {
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
