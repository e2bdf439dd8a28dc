package org.dclust.datasets;

/**
 * Resizes a single-channel float image by area averaging: each output pixel is the mean of the
 * source area it covers, source pixels weighted by the fraction of them inside it. Exact for whole
 * factors (a 2×2 block becomes its mean), smooth when shrinking by any factor, and deterministic;
 * applied separably, rows then columns.
 */
final class AreaResize {
    private AreaResize() {
    }

    /** {@code src} of h×w, row-major, resized to oh×ow. */
    static float[] resize(float[] src, int h, int w, int oh, int ow) {
        if (h == oh && w == ow) {
            return src;
        }
        float[] rows = new float[h * ow];
        Axis ax = new Axis(w, ow);
        for (int y = 0; y < h; y++) {
            ax.apply(src, y * w, 1, rows, y * ow, 1);
        }
        float[] out = new float[oh * ow];
        Axis ay = new Axis(h, oh);
        for (int x = 0; x < ow; x++) {
            ay.apply(rows, x, ow, out, x, ow);
        }
        return out;
    }

    /** The source pixels and weights of each output pixel along one axis of n pixels resized to m. */
    private static final class Axis {
        final int[] first;
        final float[][] weights;

        Axis(int n, int m) {
            first = new int[m];
            weights = new float[m][];
            double scale = n / (double) m;
            for (int j = 0; j < m; j++) {
                double lo = j * scale;
                double hi = (j + 1) * scale;
                int a = (int) Math.floor(lo);
                int b = Math.min(n, (int) Math.ceil(hi));
                first[j] = a;
                weights[j] = new float[b - a];
                for (int i = a; i < b; i++) {
                    double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
                    weights[j][i - a] = (float) (overlap / scale);
                }
            }
        }

        void apply(float[] src, int srcOff, int srcStep, float[] dst, int dstOff, int dstStep) {
            for (int j = 0; j < first.length; j++) {
                float[] w = weights[j];
                double s = 0;
                for (int k = 0; k < w.length; k++) {
                    s += w[k] * src[srcOff + (first[j] + k) * srcStep];
                }
                dst[dstOff + j * dstStep] = (float) s;
            }
        }
    }
}
