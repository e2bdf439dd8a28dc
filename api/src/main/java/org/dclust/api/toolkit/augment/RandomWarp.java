package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The geometric part of an augmentation recipe in one bilinear resampling per batch: a random resized
 * crop (area fraction in {@code [minScale, maxScale]} of the image, aspect ratio log-uniform in
 * {@code [minRatio, maxRatio]}, resized back to H x W; as torchvision's {@code RandomResizedCrop}, with
 * ten tries before falling back to the whole image), a horizontal flip with probability
 * {@code flip}, then a rotation by up to {@code maxDegrees} either way and a shift by up to
 * {@code maxShift} of the width and height (torchvision's {@code RandomAffine}: areas shifted in are 0).
 *
 * <p>Per sample the composed map takes each output pixel to a point of the source image; the four
 * neighbours' indices and bilinear weights are computed in Java (O(B H W), no random draw per pixel)
 * and applied as four gathers on the device. Crop, flip and shift alone would be a per-sample
 * separable linear map (two batched matrix products), but a rotation is not separable, and one
 * gather pass does all of them at once. With every strength at zero (scale 1, ratio 1, flip 0,
 * 0 degrees, shift 0) the map is the identity, exactly.
 *
 * <p>Pixel centres sit at integer coordinates; a crop of width {@code w} starting at {@code x0} maps
 * output column {@code u} to source column {@code x0 + (u + 0.5) w / W - 0.5} (PyTorch's
 * {@code align_corners = False}).
 */
public record RandomWarp(double minScale, double maxScale, double minRatio, double maxRatio, double flip, double maxDegrees,
        double maxShift) implements ImageAugmentation {

    public RandomWarp {
        if (!(0 < minScale && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("crop scales need 0 < min <= max <= 1, got " + minScale + ", " + maxScale);
        }
        if (!(0 < minRatio && minRatio <= maxRatio)) {
            throw new IllegalArgumentException("crop aspect ratios need 0 < min <= max, got " + minRatio + ", " + maxRatio);
        }
        if (flip < 0 || flip > 1 || maxDegrees < 0 || maxDegrees > 180 || maxShift < 0 || maxShift > 1) {
            throw new IllegalArgumentException("flip in [0, 1], degrees in [0, 180] and shift in [0, 1] expected");
        }
    }

    /** The map of one sample: output pixel (u, v) to source point (x, y). */
    record Map2(double x0, double y0, double cropW, double cropH, boolean flipped, double degrees, double shiftX, double shiftY) {
        /** Source coordinates {x, y} of output pixel (u, v) in an H x W image. */
        double[] source(double u, double v, int h, int w) {
            // undo the affine step (rotation about the centre, then shift)
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            double du = u - cx - shiftX;
            double dv = v - cy - shiftY;
            double qx = du;
            double qy = dv;
            if (degrees != 0) {
                double t = Math.toRadians(-degrees);
                qx = Math.cos(t) * du - Math.sin(t) * dv;
                qy = Math.sin(t) * du + Math.cos(t) * dv;
            }
            qx += cx;
            qy += cy;
            if (flipped) {
                qx = w - 1 - qx;
            }
            // the crop, resized to the full image
            return new double[] {x0 + (qx + 0.5) * cropW / w - 0.5, y0 + (qy + 0.5) * cropH / h - 0.5};
        }
    }

    /** Draws one sample's map (crop, flip, rotation, shift, in that order of draws). */
    Map2 draw(Random random, int h, int w) {
        double cropW = w;
        double cropH = h;
        double x0 = 0;
        double y0 = 0;
        if (minScale < 1 || maxScale < 1 || minRatio != 1 || maxRatio != 1) {
            double area = (double) h * w;
            for (int attempt = 0; attempt < 10; attempt++) {
                double target = area * (minScale + (maxScale - minScale) * random.nextDouble());
                double ratio = Math.exp(Math.log(minRatio) + (Math.log(maxRatio) - Math.log(minRatio)) * random.nextDouble());
                double cw = Math.sqrt(target * ratio);
                double ch = Math.sqrt(target / ratio);
                if (cw <= w && ch <= h) {
                    cropW = cw;
                    cropH = ch;
                    x0 = (w - cw) * random.nextDouble();
                    y0 = (h - ch) * random.nextDouble();
                    break;
                }
            }
        }
        boolean flipped = flip > 0 && random.nextDouble() < flip;
        double degrees = maxDegrees > 0 ? maxDegrees * (2 * random.nextDouble() - 1) : 0;
        double sx = maxShift > 0 ? Math.round(maxShift * w * (2 * random.nextDouble() - 1)) : 0;
        double sy = maxShift > 0 ? Math.round(maxShift * h * (2 * random.nextDouble() - 1)) : 0;
        return new Map2(x0, y0, cropW, cropH, flipped, degrees, sx, sy);
    }

    @Override
    public NDArray apply(NDArray images, Random random, PixelRange range) {
        Shape s = images.getShape();
        int b = (int) s.get(0);
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int hw = h * w;
        long[][] index = new long[4][b * hw];
        float[][] weight = new float[4][b * hw];
        for (int i = 0; i < b; i++) {
            Map2 m = draw(random, h, w);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    double[] p = m.source(u, v, h, w);
                    corners(p[0], p[1], h, w, i * hw + v * w + u, index, weight);
                }
            }
        }
        NDManager scope = images.getManager();
        NDArray flat = images.reshape(b, c, hw);
        NDArray out = null;
        for (int j = 0; j < 4; j++) {
            NDArray idx = scope.create(index[j], new Shape(b, 1, hw)).broadcast(new Shape(b, c, hw));
            NDArray wt = scope.create(weight[j], new Shape(b, 1, hw));
            NDArray term = flat.gather(idx, 2).mul(wt);
            out = out == null ? term : out.add(term);
        }
        return out.reshape(b, c, h, w);
    }

    /** The four bilinear neighbours of (x, y) and their weights; a neighbour outside the image weighs 0. */
    private static void corners(double x, double y, int h, int w, int at, long[][] index, float[][] weight) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        double ax = x - fx;
        double ay = y - fy;
        int[] xs = {(int) fx, (int) fx + 1, (int) fx, (int) fx + 1};
        int[] ys = {(int) fy, (int) fy, (int) fy + 1, (int) fy + 1};
        double[] ws = {(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay};
        for (int j = 0; j < 4; j++) {
            boolean inside = xs[j] >= 0 && xs[j] < w && ys[j] >= 0 && ys[j] < h;
            index[j][at] = inside ? (long) ys[j] * w + xs[j] : 0;
            weight[j][at] = inside ? (float) ws[j] : 0f;
        }
    }
}
