package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Brightness, contrast, saturation and hue jitter, applied to each sample with probability
 * {@code probability} (MoCo v2 applies torchvision's {@code ColorJitter(0.4, 0.4, 0.4, 0.1)} with
 * p = 0.8). Factors are drawn as torchvision does: brightness and contrast and saturation uniformly in
 * {@code [max(0, 1 - s), 1 + s]}, hue uniformly in {@code [-hue, hue]} of a full turn. Applied in a
 * fixed order (brightness, contrast, saturation, hue) where torchvision shuffles the order per image,
 * each step clamped to the pixel range:
 * <ul>
 *   <li>brightness: {@code x f};</li>
 *   <li>contrast: {@code (x - m) f + m}, m the image's mean luma;</li>
 *   <li>saturation: {@code g + (x - g) f}, g the pixel's luma (colour images only);</li>
 *   <li>hue: a rotation by {@code 2 pi h} of the chroma plane in YIQ space, a per-sample 3 x 3 linear map
 *       of RGB applied as one batched matrix product (colour images only; torchvision rotates in HSV,
 *       which is not linear: the YIQ rotation keeps luma and is the usual tensor form).</li>
 * </ul>
 * A sample not chosen keeps factor 1 (and hue 0): the identity. With every strength 0 nothing changes.
 */
public record ColourJitter(double brightness, double contrast, double saturation, double hue, double probability)
        implements ImageAugmentation {

    public ColourJitter {
        if (brightness < 0 || contrast < 0 || saturation < 0 || hue < 0 || hue > 0.5 || probability < 0 || probability > 1) {
            throw new IllegalArgumentException("jitter strengths must be >= 0 (hue <= 0.5) and the probability in [0, 1]");
        }
    }

    // RGB -> YIQ (NTSC) and its exact inverse, so a rotation by 0 is the identity
    private static final double[][] YIQ = {{0.299, 0.587, 0.114}, {0.596, -0.274, -0.322}, {0.211, -0.523, 0.312}};
    private static final double[][] RGB = inverse(YIQ);

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        if (brightness == 0 && contrast == 0 && saturation == 0 && hue == 0) {
            return images;
        }
        int b = (int) images.getShape().get(0);
        boolean colour = images.getShape().get(1) == 3;
        float[] bf = new float[b];
        float[] cf = new float[b];
        float[] sf = new float[b];
        float[] hf = new float[b];
        for (int i = 0; i < b; i++) {
            bf[i] = 1;
            cf[i] = 1;
            sf[i] = 1;
            if (PerSample.chance(random, probability)) {
                bf[i] = brightness > 0 ? (float) PerSample.uniform(random, Math.max(0, 1 - brightness), 1 + brightness) : 1f;
                cf[i] = contrast > 0 ? (float) PerSample.uniform(random, Math.max(0, 1 - contrast), 1 + contrast) : 1f;
                sf[i] = saturation > 0 ? (float) PerSample.uniform(random, Math.max(0, 1 - saturation), 1 + saturation) : 1f;
                hf[i] = hue > 0 ? (float) PerSample.uniform(random, -hue, hue) : 0f;
            }
        }
        NDManager scope = images.getManager();
        NDArray x = images;
        if (brightness > 0) {
            x = x.mul(PerSample.column(scope, bf)).clip(range.lo(), range.hi());
        }
        if (contrast > 0) {
            NDArray mean = PerSample.grey(x).reshape(b, -1).mean(new int[] {1}, true).reshape(b, 1, 1, 1);
            x = x.sub(mean).mul(PerSample.column(scope, cf)).add(mean).clip(range.lo(), range.hi());
        }
        if (colour && saturation > 0) {
            NDArray g = PerSample.grey(x);
            x = x.sub(g).mul(PerSample.column(scope, sf)).add(g).clip(range.lo(), range.hi());
        }
        if (colour && hue > 0) {
            x = rotateHue(x, hf).clip(range.lo(), range.hi());
        }
        return x;
    }

    /** Per sample RGB' = M(h) RGB with M(h) = YIQ^-1 R(2 pi h) YIQ; one batched product (B, 3, 3) x (B, 3, HW). */
    private static NDArray rotateHue(NDArray x, float[] turns) {
        Shape s = x.getShape();
        int b = (int) s.get(0);
        float[] m = new float[b * 9];
        for (int i = 0; i < b; i++) {
            double t = 2 * Math.PI * turns[i];
            double[][] rot = {{1, 0, 0}, {0, Math.cos(t), -Math.sin(t)}, {0, Math.sin(t), Math.cos(t)}};
            double[][] mm = times(RGB, times(rot, YIQ));
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[i * 9 + r * 3 + c] = (float) mm[r][c];
                }
            }
        }
        NDArray maps = x.getManager().create(m, new Shape(b, 3, 3));
        return maps.batchMatMul(x.reshape(b, 3, s.get(2) * s.get(3))).reshape(s);
    }

    /** The inverse of a 3 x 3 matrix by its adjugate. */
    static double[][] inverse(double[][] m) {
        double[][] adj = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3;
                int r1 = (j + 2) % 3;
                int c0 = (i + 1) % 3;
                int c1 = (i + 2) % 3;
                adj[i][j] = m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0];
            }
        }
        double det = m[0][0] * adj[0][0] + m[0][1] * adj[1][0] + m[0][2] * adj[2][0];
        for (double[] row : adj) {
            for (int j = 0; j < 3; j++) {
                row[j] /= det;
            }
        }
        return adj;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }
}
