package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Small helpers the augmentations share: per-sample factors as (B, 1, 1, 1) tensors, and draws. */
final class PerSample {
    private PerSample() {
    }

    /** One value per sample, shaped (B, 1, 1, 1) to broadcast over an image batch. */
    static NDArray column(NDManager scope, float[] values) {
        return scope.create(values, new Shape(values.length, 1, 1, 1));
    }

    /** Uniform in [lo, hi]. */
    static double uniform(Random random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** True with probability p (no draw when p is 0 or 1, so a disabled step leaves the stream alone). */
    static boolean chance(Random random, double p) {
        if (p <= 0) {
            return false;
        }
        return p >= 1 || random.nextDouble() < p;
    }

    /** The ITU-R 601 luma of (B, 3, H, W) images as (B, 1, H, W), or the images themselves when grey. */
    static NDArray grey(NDArray images) {
        if (images.getShape().get(1) == 1) {
            return images;
        }
        NDArray r = images.get(":, 0:1");
        NDArray g = images.get(":, 1:2");
        NDArray b = images.get(":, 2:3");
        return r.mul(0.299f).add(g.mul(0.587f)).add(b.mul(0.114f));
    }
}
