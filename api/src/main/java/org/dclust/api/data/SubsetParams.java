package org.dclust.api.data;

import java.util.List;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The subset parameters every data set plugin takes ({@link DatasetParams}), declared once: {@code n} (samples
 * to keep, 0 = all), {@code subset} ({@code first} or {@code stratified}) and {@code subsetSeed}.
 *
 * <p>The stratified rule, which {@code scripts/make-fashion-mnist-small.py} reproduces exactly:
 * <ol>
 *   <li>Class c of the N samples gets n·N<sub>c</sub>/N samples rounded by largest remainders: every
 *       class gets the floor of its quota, then the classes with the largest fractional parts (ties:
 *       the lower class) get one more each until the total is exactly n.
 *   <li>One {@code java.util.Random(subsetSeed)} serves all classes. For each class with samples, in
 *       increasing label order, the indices of its samples (in data set order) are shuffled by
 *       Fisher–Yates ({@code for i = len-1 down to 1: swap(i, nextInt(i + 1))}, as
 *       {@code Collections.shuffle} does) and the first quota of them are selected.
 *   <li>The selected samples keep their original order.
 * </ol>
 * Unlabelled data is treated as one class, which makes the stratified subset a seeded random sample.
 */
final class SubsetParams {
    static final String N = "n";
    static final String SUBSET = "subset";
    static final String SEED = "subsetSeed";
    static final String FIRST = "first";
    static final String STRATIFIED = "stratified";

    /** The three declarations. */
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.integer(N, 0, 0, Integer.MAX_VALUE, "samples to keep; 0 keeps all"),
            ParamSpec.choice(SUBSET, STRATIFIED, List.of(FIRST, STRATIFIED),
                    "how n samples are chosen: the first n, or a seeded sample keeping the class proportions"),
            ParamSpec.integer(SEED, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the stratified sample"));

    private SubsetParams() {
    }

    /** The subset of {@code data} the parameters ask for ({@code data} itself when n is 0 or all). */
    static Dataset apply(Dataset data, Params params) {
        int n = params.getInt(N);
        if (n == 0) {
            return data;
        }
        if (n > data.size()) {
            throw new DclustException(params.owner() + "." + N + " = " + n + " is larger than the data set " + data.name()
                    + ", which holds " + data.size() + " samples");
        }
        if (n == data.size()) {
            return data;
        }
        boolean stratified = STRATIFIED.equals(params.getString(SUBSET));
        int[] indices = stratified ? stratified(data.labels(), data.size(), n, params.getInt(SEED)) : first(n);
        return data.subset(data.name(), indices);
    }

    /** 0, 1, ..., n-1. */
    static int[] first(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /**
     * The indices, ascending, of a stratified sample of n of the {@code size} samples (see the class
     * comment).
     *
     * @param labels the class of each sample (non-negative), or null to treat all as one class
     */
    static int[] stratified(int[] labels, int size, int n, long seed) {
        int classes = 1;
        if (labels != null) {
            for (int l : labels) {
                classes = Math.max(classes, l + 1);
            }
        }
        int[] counts = new int[classes];
        for (int i = 0; i < size; i++) {
            counts[labels == null ? 0 : labels[i]]++;
        }
        int[] quota = quotas(counts, size, n);
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < size; i++) {
            int c = labels == null ? 0 : labels[i];
            members[c][fill[c]++] = i;
        }
        Random rnd = new Random(seed);
        boolean[] keep = new boolean[size];
        for (int c = 0; c < classes; c++) {
            int[] m = members[c];
            if (m.length == 0) {
                continue;
            }
            for (int i = m.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = m[i];
                m[i] = m[j];
                m[j] = t;
            }
            for (int j = 0; j < quota[c]; j++) {
                keep[m[j]] = true;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Samples per class: n·count/size rounded by largest remainders so that they sum to n. */
    static int[] quotas(int[] counts, int size, int n) {
        int classes = counts.length;
        int[] quota = new int[classes];
        long[] remainder = new long[classes];
        int assigned = 0;
        for (int c = 0; c < classes; c++) {
            long scaled = (long) n * counts[c];
            quota[c] = (int) (scaled / size);
            remainder[c] = scaled % size;
            assigned += quota[c];
        }
        for (int extra = n - assigned; extra > 0; extra--) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (counts[c] > 0 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
        }
        return quota;
    }
}
