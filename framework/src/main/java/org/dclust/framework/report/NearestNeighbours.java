package org.dclust.framework.report;

/**
 * Exact k nearest neighbours by squared Euclidean distance (a brute-force scan with a bounded
 * max-heap, O(n^2 d)); ties go to the smaller index, so the result is deterministic.
 */
final class NearestNeighbours {
    private final double[][] x;
    private final int k;
    private final int[] heap;
    private final double[] heapD;

    NearestNeighbours(double[][] x, int k) {
        this.x = x;
        this.k = k;
        this.heap = new int[k];
        this.heapD = new double[k];
    }

    /** The k neighbours of point i (not i itself), nearest first; their squared distances go to d2. */
    int[] of(int i, double[] d2) {
        int size = 0;
        double[] xi = x[i];
        for (int j = 0; j < x.length; j++) {
            if (j == i) {
                continue;
            }
            double d = 0;
            double[] xj = x[j];
            for (int c = 0; c < xi.length; c++) {
                double t = xi[c] - xj[c];
                d += t * t;
            }
            if (size < k) {
                heap[size] = j;
                heapD[size] = d;
                up(size++);
            } else if (k > 0 && d < heapD[0]) { // j > every index in the heap, so equal d keeps the old one
                heap[0] = j;
                heapD[0] = d;
                down(0, size);
            }
        }
        int[] out = new int[size];
        // pop the max repeatedly: fills from the back, nearest first
        for (int end = size; end > 0; end--) {
            out[end - 1] = heap[0];
            d2[end - 1] = heapD[0];
            swap(0, end - 1);
            down(0, end - 1);
        }
        return out;
    }

    private boolean above(int a, int b) { // a ranks after b (farther, or as far with a larger index)
        return heapD[a] > heapD[b] || (heapD[a] == heapD[b] && heap[a] > heap[b]);
    }

    private void up(int c) {
        while (c > 0) {
            int parent = (c - 1) / 2;
            if (!above(c, parent)) {
                return;
            }
            swap(c, parent);
            c = parent;
        }
    }

    private void down(int c, int size) {
        while (true) {
            int l = 2 * c + 1;
            int r = l + 1;
            int top = c;
            if (l < size && above(l, top)) {
                top = l;
            }
            if (r < size && above(r, top)) {
                top = r;
            }
            if (top == c) {
                return;
            }
            swap(c, top);
            c = top;
        }
    }

    private void swap(int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        double s = heapD[a];
        heapD[a] = heapD[b];
        heapD[b] = s;
    }
}
