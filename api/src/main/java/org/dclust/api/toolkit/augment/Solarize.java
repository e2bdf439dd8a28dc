package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import java.util.Random;

/**
 * Inverts every pixel at or above {@code threshold} (a fraction of the pixel range: x becomes
 * {@code lo + hi - x}), applied to each sample with probability {@code probability}; BYOL's and SeCu's
 * second view uses it (threshold 0.5, p = 0.2).
 */
public record Solarize(double threshold, double probability) implements ImageAugmentation {
    public Solarize {
        if (threshold < 0 || threshold > 1 || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("solarize needs a threshold and a probability in [0, 1]");
        }
    }

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        if (probability == 0) {
            return images;
        }
        int b = (int) images.getShape().get(0);
        float[] use = new float[b];
        for (int i = 0; i < b; i++) {
            use[i] = PerSample.chance(random, probability) ? 1f : 0f;
        }
        float cut = (float) (range.lo() + threshold * (range.hi() - range.lo()));
        NDArray inverted = images.mul(-1).add(range.lo() + range.hi());
        NDArray chosen = images.gte(cut).logicalAnd(PerSample.column(images.getManager(), use).gt(0.5f));
        return NDArrays.where(chosen, inverted, images);
    }
}
