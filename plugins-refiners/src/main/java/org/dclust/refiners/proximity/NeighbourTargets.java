package org.dclust.refiners.proximity;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.train.InPlace;

/**
 * The proximity refiner's view of the latent space between two graph builds: the kNN graph of the
 * codes, what the {@link DualFilter} keeps of it, each sample's fixed target (its nearest-neighbour
 * centroid, over {@code hops} steps, see {@link #targets}), the graph the refinement started from (for the drift), and D, the mean squared distance
 * of the reliable samples' codes to their targets when the graph was built (the loss's scale, see
 * {@link ProximityLoss}).
 *
 * <p>The Java arrays are the working copy; {@link #arrays()} brings the checkpoint's arrays up to date
 * and {@link #readBack()} rebuilds the working copy from them after a restore.
 */
final class NeighbourTargets {
    private final DualFilter filter;
    private final int m;
    private final int hops;
    private final NDArray neighboursArray;
    private final NDArray initialArray;
    private final NDArray targetsArray;
    private final NDArray scaleArray;
    private KnnGraph initial;
    private DualFilter.Result current;
    private float[][] targets;
    private double scale;

    /** Empty arrays for N samples of d-dimensional codes and M neighbours, in {@code manager}. */
    NeighbourTargets(DualFilter filter, int n, int d, int m, int hops, NDManager manager) {
        this.filter = filter;
        this.m = m;
        this.hops = hops;
        this.neighboursArray = manager.zeros(new Shape(n, m), DataType.INT64);
        this.initialArray = manager.zeros(new Shape(n, m), DataType.INT64);
        this.targetsArray = manager.zeros(new Shape(n, d), DataType.FLOAT32);
        this.scaleArray = manager.zeros(new Shape(1), DataType.FLOAT64);
    }

    /**
     * Builds the graph of {@code codes} (N × d, the current encoder's codes in evaluation mode), filters
     * it, and fixes the targets and the scale; the first build is also the initial graph.
     */
    void build(float[][] codes, NDManager work) {
        KnnGraph graph = KnnGraph.of(codes, m, work);
        if (initial == null) {
            initial = graph;
        }
        use(filter.apply(graph), codes);
    }

    private void use(DualFilter.Result filtered, float[][] codes) {
        current = filtered;
        targets = targets(filtered, codes, hops);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < codes.length; i++) {
            if (filtered.reliable()[i]) {
                sum += KMeans.squared(codes[i], targets[i]);
                count++;
            }
        }
        scale = count == 0 || sum <= 0 ? 1.0 : sum / count;
    }

    /**
     * Each sample's target after {@code hops} steps: the centroid of its trusted neighbours' codes
     * (one hop), then of their targets, and so on: {@code hops} steps of a random walk on the trusted
     * links, which stays inside the part of the graph the filter keeps together. An unreliable sample
     * keeps its own code at every step.
     */
    static float[][] targets(DualFilter.Result filtered, float[][] codes, int hops) {
        float[][] t = filtered.centroids(codes);
        for (int h = 1; h < hops; h++) {
            t = filtered.centroids(t);
        }
        return t;
    }

    /** The graph in force and what the filter keeps of it. */
    DualFilter.Result current() {
        return current;
    }

    /** The graph the refinement started from. */
    KnnGraph initial() {
        return initial;
    }

    /** Sample i's target (do not modify). */
    float[] target(int i) {
        return targets[i];
    }

    boolean reliable(int i) {
        return current.reliable()[i];
    }

    /** D: the mean squared distance of the reliable codes to their targets at the build (1 when there is none). */
    double scale() {
        return scale;
    }

    /** The checkpoint's arrays by name, brought up to date with the working copy. */
    Map<String, NDArray> arrays() {
        InPlace.copy(flatLong(current.graph().rows()), neighboursArray);
        InPlace.copy(flatLong(initial.rows()), initialArray);
        InPlace.copy(flat(targets), targetsArray);
        try (NDManager s = scaleArray.getManager().newSubManager()) {
            InPlace.copy(s.create(new double[] {scale}), scaleArray);
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("neighbours", neighboursArray);
        out.put("initialNeighbours", initialArray);
        out.put("targets", targetsArray);
        out.put("scale", scaleArray);
        return out;
    }

    /** Rebuilds the working copy from the arrays (after a checkpoint was restored into them). */
    void readBack() {
        initial = new KnnGraph(rows(initialArray.toLongArray()));
        KnnGraph graph = new KnnGraph(rows(neighboursArray.toLongArray()));
        current = filter.apply(graph);
        int d = (int) targetsArray.getShape().get(1);
        float[] t = targetsArray.toFloatArray();
        targets = new float[graph.size()][];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = Arrays.copyOfRange(t, i * d, (i + 1) * d);
        }
        scale = scaleArray.toDoubleArray()[0];
    }

    private int[][] rows(long[] flat) {
        int[][] out = new int[flat.length / m][m];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = (int) flat[i * m + j];
            }
        }
        return out;
    }

    private static long[] flatLong(int[][] rows) {
        int w = rows[0].length;
        long[] out = new long[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < w; j++) {
                out[i * w + j] = rows[i][j];
            }
        }
        return out;
    }

    /** Rows as one row-major array. */
    static float[] flat(float[][] rows) {
        int w = rows[0].length;
        float[] out = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * w, w);
        }
        return out;
    }
}
