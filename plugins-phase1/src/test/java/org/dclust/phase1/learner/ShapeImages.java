package org.dclust.phase1.learner;

import java.util.Random;
import org.dclust.api.data.Dataset;

/**
 * Small grey images of three shapes of equal ink (13 pixels each) drawn at random places: a plus, a
 * diagonal cross and a T, 7×7 on a dark 16×16 image, the top-left corner uniform in [0, 9] on both
 * axes. The class is the shape. Two images of one shape at different places share few pixels, two
 * shapes at one place share some, so pixel distances speak of the place more than of the shape: a
 * task for a learner that is taught that a shifted or cropped image is the same image.
 */
final class ShapeImages {
    static final int SIDE = 16;
    static final int SHAPE = 7;

    private ShapeImages() {
    }

    /** {@code n} images (classes in turn), positions from {@code seed}. */
    static Dataset of(int n, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int shape = i % 3;
            labels[i] = shape;
            int x0 = r.nextInt(SIDE - SHAPE + 1);
            int y0 = r.nextInt(SIDE - SHAPE + 1);
            for (int y = 0; y < SHAPE; y++) {
                for (int x = 0; x < SHAPE; x++) {
                    if (ink(shape, x, y)) {
                        v[i * SIDE * SIDE + (y0 + y) * SIDE + x0 + x] = 1f;
                    }
                }
            }
        }
        return new Dataset("shapes", v, new int[] {1, SIDE, SIDE}, labels, 3);
    }

    /** Whether pixel (x, y) of the 7×7 shape is inked: plus, cross, T. */
    static boolean ink(int shape, int x, int y) {
        int c = SHAPE / 2;
        switch (shape) {
            case 0:
                return x == c || y == c;
            case 1:
                return x == y || x == SHAPE - 1 - y;
            default:
                return y == 0 || x == c;
        }
    }
}
