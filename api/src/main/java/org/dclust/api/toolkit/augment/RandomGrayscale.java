package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * Turns each colour sample into its luma (ITU-R 601, repeated over the three channels) with
 * probability {@code probability} (MoCo v2: 0.2). Grey images pass unchanged.
 */
public record RandomGrayscale(double probability) implements ImageAugmentation {
    public RandomGrayscale {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a probability in [0, 1] expected, got " + probability);
        }
    }

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        if (images.getShape().get(1) != 3 || probability == 0) {
            return images;
        }
        int b = (int) images.getShape().get(0);
        float[] use = new float[b];
        for (int i = 0; i < b; i++) {
            use[i] = PerSample.chance(random, probability) ? 1f : 0f;
        }
        NDArray mask = PerSample.column(images.getManager(), use);
        NDArray grey = PerSample.grey(images);
        return images.add(grey.sub(images).mul(mask));
    }
}
