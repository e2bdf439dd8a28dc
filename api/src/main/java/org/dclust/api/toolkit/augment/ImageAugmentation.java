package org.dclust.api.toolkit.augment;

import ai.djl.ndarray.NDArray;
import java.util.Random;

/**
 * One random transformation of a whole batch of images at once, as tensor operations. Every random
 * draw comes from the Java generator it is given (see {@link AugmentationPipeline#random}), never
 * from the engine's, so the same seed, epoch and batch give the same views on every device and a
 * resumed run draws what an uninterrupted one would.
 *
 * <p>Images are {@code (B, C, H, W)} float32 with pixel values in {@code [lo, hi]} (in dclust's image
 * data sets, [0, 1]); the result has the same shape, lies in the same range and belongs to the
 * manager of the input (a batch scope). DJL's {@code ai.djl.modality.cv.transform} classes do not fit:
 * they take one image at a time, draw from one global generator, and several throw on the PyTorch
 * engine.
 */
public interface ImageAugmentation {
    /**
     * Transforms the batch.
     *
     * @param images {@code (B, C, H, W)} float32 pixels in {@code [range.lo, range.hi]}
     * @param random the generator every draw comes from, sample by sample in batch order
     * @param range the valid pixel range, to which photometric changes clamp
     */
    NDArray apply(NDArray images, Random random, PixelRange range);

    /** The valid pixel values, {@code lo < hi}. */
    record PixelRange(float lo, float hi) {
        /** Pixels in [0, 1], as dclust's image readers give them. */
        public static final PixelRange UNIT = new PixelRange(0f, 1f);

        public PixelRange {
            if (!(lo < hi)) {
                throw new IllegalArgumentException("a pixel range needs lo < hi, got [" + lo + ", " + hi + "]");
            }
        }

        /**
         * The smallest and largest of a data set's values, the range photometric steps clamp to ([0, 1]
         * for dclust's image readers; another after a normalisation); {@link #UNIT} when all are equal.
         */
        public static PixelRange of(float[] values) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return lo < hi ? new PixelRange(lo, hi) : UNIT;
        }
    }
}
