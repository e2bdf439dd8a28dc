package org.dclust.framework.report;

/**
 * A sparse matrix in compressed-row form: the entries of row {@code i} are
 * {@code col[k], val[k]} for {@code k} in {@code [start[i], start[i + 1])}, columns ascending.
 */
record SparseRows(int[] start, int[] col, double[] val) {
    int rows() {
        return start.length - 1;
    }
}
