package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;
import java.util.Random;
import java.util.function.ObjIntConsumer;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;

/**
 * How a clustering phase's model, as it stands now, splits some samples: their latent codes (in
 * evaluation mode) and the phase's own cluster of each. The shared epoch loop scores it after every
 * epoch when the run selects epochs by an internal index ({@link org.dclust.api.train.EpochSelection});
 * a phase declares it once with {@link TrainingState#partition}.
 *
 * <pre>{@code
 * state.partition(Partition.nearestCentre(net, data, centres));                 // DEC, IDEC, DCN, DKM, DCSS
 * state.partition(Partition.of(net, data, (scope, z) -> head.probabilities(z, false).argMax(1)));   // MNet
 * }</pre>
 */
@FunctionalInterface
public interface Partition {
    /** Samples encoded at a time. */
    int CHUNK = 1000;

    /**
     * The codes and clusters of the samples {@code indices}, as the model stands now.
     *
     * @param scope where temporary arrays live (closed by the caller)
     */
    Result of(NDManager scope, int[] indices);

    /**
     * Codes (one row of d values per sample) and cluster ids in [0, K).
     *
     * @param codes n x d latent codes
     * @param clusters n cluster ids
     */
    record Result(float[][] codes, int[] clusters) {
    }

    /** A phase's own assignment of a batch of codes (b x d) to cluster ids (b, any integer type). */
    @FunctionalInterface
    interface Assign {
        NDArray clusters(NDManager scope, NDArray codes);
    }

    /** Codes of {@code net} in evaluation mode, in chunks of {@value #CHUNK}, assigned by {@code assign}. */
    static Partition of(EncoderNetwork net, Dataset data, Assign assign) {
        return (scope, indices) -> {
            int[] clusters = new int[indices.length];
            float[][] codes = encode(net, data, scope, indices, (z, from) -> {
                long[] c = assign.clusters(z.getManager(), z).toType(DataType.INT64, false).toLongArray();
                for (int i = 0; i < c.length; i++) {
                    clusters[from + i] = (int) c[i];
                }
            });
            return new Result(codes, clusters);
        };
    }

    /**
     * The nearest of the K {@code centres} (a long-lived K x d array the phase updates in place) to each
     * code: DCN's and DKM's assignment, and also the largest fuzzy membership (DCSS eq. 2) and the
     * largest Student-t probability (DEC, IDEC), both of which fall with the distance.
     */
    static Partition nearestCentre(EncoderNetwork net, Dataset data, NDArray centres) {
        return of(net, data, (scope, z) -> Distances.squared(z, Matrices.inScope(centres, scope)).argMin(1));
    }

    /**
     * k-means (k-means++ seeding, {@code restarts} restarts, at most 100 Lloyd iterations, draws from
     * {@code seed}) on the codes of {@code net}: for a phase that trains a representation without
     * clusters and ends with k-means on it (ACAI), the clustering its epoch would end with.
     */
    static Partition kmeans(EncoderNetwork net, Dataset data, int k, int restarts, long seed) {
        return (scope, indices) -> {
            float[][] z = encode(net, data, scope, indices, (codes, from) -> { });
            return new Result(z, KMeans.fit(z, k, restarts, 100, new Random(seed)).labels());
        };
    }

    /**
     * The codes of the samples {@code indices}, chunk by chunk; each chunk's codes (b x d, in the
     * chunk's scope) are also handed to {@code each} with the position of their first row.
     */
    private static float[][] encode(EncoderNetwork net, Dataset data, NDManager scope, int[] indices, ObjIntConsumer<NDArray> each) {
        int d = net.latentDim();
        float[][] codes = new float[indices.length][];
        for (int start = 0; start < indices.length; start += CHUNK) {
            int end = Math.min(indices.length, start + CHUNK);
            try (NDManager chunk = scope.newSubManager()) {
                NDArray z = net.encode(data.batch(chunk, Arrays.copyOfRange(indices, start, end)), false);
                float[] flat = z.toFloatArray();
                for (int i = start; i < end; i++) {
                    codes[i] = Arrays.copyOfRange(flat, (i - start) * d, (i - start + 1) * d);
                }
                each.accept(z, start);
            }
        }
        return codes;
    }
}
