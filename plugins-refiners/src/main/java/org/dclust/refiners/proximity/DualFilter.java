package org.dclust.refiners.proximity;

import java.util.List;
import java.util.Locale;

/**
 * The dual filter of R-DC's proximity-level self-supervision: which neighbour links are trusted, and
 * which samples are reliable enough to train on. The R-DC abstract says only that a dual filter builds
 * nearest-neighbour centroids; both rules here are ours (parameters, see {@link ProximityRefiner}):
 *
 * <ul>
 *   <li>Links: with {@link Links#MUTUAL} the link i → j of the kNN graph is trusted when j is among
 *       i's M nearest neighbours and i among j's (a mutual neighbour: a link that crosses from a dense
 *       cluster into a sparse boundary region is rarely returned); with {@link Links#ALL} every link
 *       is trusted (no link filter).</li>
 *   <li>Samples: a sample is reliable when at least {@code minTrusted} of its links are trusted;
 *       isolated, boundary and outlying samples, whose neighbours do not return the choice, are left
 *       out of the proximity loss (they still move with the encoder).</li>
 * </ul>
 *
 * @param links which links are trusted
 * @param minTrusted the fewest trusted links of a reliable sample (0 counts every sample reliable;
 *     1 at least asks for one, so that its centroid exists)
 */
public record DualFilter(Links links, int minTrusted) {
    /** Which kNN links are trusted. */
    public enum Links {
        /** Links whose two ends are each among the other's M nearest. */
        MUTUAL,
        /** Every link (no link filter). */
        ALL;

        /** The parameter spellings. */
        public static List<String> names() {
            return List.of("mutual", "all");
        }

        /** The value a parameter names ({@code mutual} or {@code all}). */
        public static Links of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * What the filter keeps of a graph.
     *
     * @param trusted per sample and neighbour position (as in the graph), whether the link is trusted
     * @param reliable per sample, whether it is reliable (at least one trusted link and at least
     *     {@code minTrusted})
     * @param mutualRate the share of the graph's N × M links that are mutual, whatever the link rule
     * @param keptShare the share of the samples that are reliable
     */
    public record Result(KnnGraph graph, boolean[][] trusted, boolean[] reliable, double mutualRate, double keptShare) {
        /**
         * Each reliable sample's target: the mean of the codes of its trusted neighbours (R-DC's
         * "nearest-neighbour centroid"); an unreliable sample gets its own code (it takes no part in
         * the loss).
         *
         * @param codes N rows of d values, the codes the graph was built from
         */
        public float[][] centroids(float[][] codes) {
            int n = codes.length;
            int d = codes[0].length;
            float[][] out = new float[n][];
            for (int i = 0; i < n; i++) {
                if (!reliable[i]) {
                    out[i] = codes[i].clone();
                    continue;
                }
                double[] sum = new double[d];
                int count = 0;
                int[] nb = graph.of(i);
                for (int j = 0; j < nb.length; j++) {
                    if (trusted[i][j]) {
                        float[] c = codes[nb[j]];
                        for (int t = 0; t < d; t++) {
                            sum[t] += c[t];
                        }
                        count++;
                    }
                }
                out[i] = new float[d];
                for (int t = 0; t < d; t++) {
                    out[i][t] = (float) (sum[t] / count);
                }
            }
            return out;
        }
    }

    /** Applies both rules to a graph. */
    public Result apply(KnnGraph graph) {
        int n = graph.size();
        int m = graph.m();
        boolean[][] trusted = new boolean[n][m];
        boolean[] reliable = new boolean[n];
        long mutualLinks = 0;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int[] nb = graph.of(i);
            int count = 0;
            for (int j = 0; j < m; j++) {
                boolean mutual = contains(graph.of(nb[j]), i);
                mutualLinks += mutual ? 1 : 0;
                trusted[i][j] = links == Links.ALL || mutual;
                count += trusted[i][j] ? 1 : 0;
            }
            reliable[i] = count >= Math.max(1, minTrusted);
            kept += reliable[i] ? 1 : 0;
        }
        return new Result(graph, trusted, reliable, (double) mutualLinks / ((long) n * m), (double) kept / n);
    }

    private static boolean contains(int[] row, int v) {
        for (int x : row) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
