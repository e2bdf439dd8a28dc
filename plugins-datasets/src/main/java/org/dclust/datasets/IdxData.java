package org.dclust.datasets;

import org.dclust.api.data.Dataset;

/**
 * Images read from IDX files: {@code count} images of {@code rows × cols} pixels in one sample-major
 * array scaled to [0, 1], and one label per image, or {@code null} when no labels file was read.
 * {@code fileCounts} gives the images of each file read, in order. The arrays are shared, not copied.
 */
public record IdxData(float[] pixels, int[] labels, int count, int rows, int cols, int[] fileCounts) {

    /**
     * A data set of samples shaped [1, rows, cols]; its classes are the distinct labels present
     * (see {@link org.dclust.api.data.Labels#ofValues}).
     */
    public Dataset toDataset(String name) {
        return new Dataset(name, pixels, new int[] {1, rows, cols}, labels, 0);
    }
}
