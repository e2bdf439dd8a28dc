package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Additive Gaussian noise of standard deviation {@code std} (in pixel units), drawn from the Java
 * generator (so it does not depend on the engine's random state), clamped to the pixel range.
 */
public record GaussianNoise(double std) implements ImageAugmentation {
    public GaussianNoise {
        if (std < 0) {
            throw new IllegalArgumentException("noise std must be >= 0, got " + std);
        }
    }

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        if (std == 0) {
            return images;
        }
        Shape s = images.getShape();
        float[] noise = new float[(int) s.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (std * random.nextGaussian());
        }
        return images.add(images.getManager().create(noise, s)).clip(range.lo(), range.hi());
    }
}
