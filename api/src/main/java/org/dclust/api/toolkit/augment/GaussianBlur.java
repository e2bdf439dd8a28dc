package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * A Gaussian blur with sigma uniform in {@code [minSigma, maxSigma]} pixels, applied to each sample with
 * probability {@code probability} (MoCo v2: sigma in [0.1, 2.0] at 224 pixels, p = 0.5). The kernel
 * spans {@code radius = ceil(3 sigma_max)} pixels either way, is normalised to sum 1 and reflects at
 * the border (as torchvision's {@code gaussian_blur}). The blur is separable: per sample it is
 * {@code K_y X K_x^T}, two batched matrix products with (B, H, H) and (B, W, W) matrices built here; a
 * sample not chosen gets identity matrices.
 */
public record GaussianBlur(double minSigma, double maxSigma, double probability) implements ImageAugmentation {
    public GaussianBlur {
        if (!(0 < minSigma && minSigma <= maxSigma) || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("blur needs 0 < min sigma <= max sigma and a probability in [0, 1]");
        }
    }

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        if (probability == 0) {
            return images;
        }
        Shape s = images.getShape();
        int b = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        double[] sigma = new double[b];
        for (int i = 0; i < b; i++) {
            sigma[i] = PerSample.chance(random, probability) ? PerSample.uniform(random, minSigma, maxSigma) : 0;
        }
        NDArray ky = images.getManager().create(matrices(sigma, h), new Shape(b, 1, h, h));
        NDArray kxT = images.getManager().create(transposed(matrices(sigma, w), b, w), new Shape(b, 1, w, w));
        // (B, 1, H, H) x (B, C, H, W) x (B, 1, W, W), broadcast over the channels
        return ky.matMul(images).matMul(kxT).reshape(b, c, h, w).clip(range.lo(), range.hi());
    }

    /** Row-major (B, n, n) blur matrices: row i holds the reflected kernel around i; sigma 0 gives the identity. */
    static float[] matrices(double[] sigma, int n) {
        float[] out = new float[sigma.length * n * n];
        for (int s = 0; s < sigma.length; s++) {
            int base = s * n * n;
            if (sigma[s] <= 0) {
                for (int i = 0; i < n; i++) {
                    out[base + i * n + i] = 1f;
                }
                continue;
            }
            int radius = (int) Math.ceil(3 * sigma[s]);
            double[] kernel = new double[2 * radius + 1];
            double sum = 0;
            for (int t = -radius; t <= radius; t++) {
                kernel[t + radius] = Math.exp(-t * t / (2 * sigma[s] * sigma[s]));
                sum += kernel[t + radius];
            }
            for (int i = 0; i < n; i++) {
                for (int t = -radius; t <= radius; t++) {
                    out[base + i * n + reflect(i + t, n)] += (float) (kernel[t + radius] / sum);
                }
            }
        }
        return out;
    }

    /** Index reflected into [0, n) without repeating the edge (PyTorch's "reflect" padding). */
    static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static float[] transposed(float[] m, int b, int n) {
        float[] out = new float[m.length];
        for (int s = 0; s < b; s++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out[s * n * n + j * n + i] = m[s * n * n + i * n + j];
                }
            }
        }
        return out;
    }
}
