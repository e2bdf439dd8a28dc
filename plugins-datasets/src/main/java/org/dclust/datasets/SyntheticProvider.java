package org.dclust.datasets;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * Dataset {@code synthetic}: points drawn in the plane from K components (Gaussian blobs, two moons
 * or concentric rings), then lifted into {@code dim} dimensions by a {@link NonlinearLift}; the label
 * of a point is its component. All randomness comes from {@code seed} (the points) and
 * {@code mapSeed} (the lift), so equal parameters give equal data.
 *
 * <p>In the plane, before noise, with t uniform random: blob k is centred at (cos 2πk/K, sin 2πk/K);
 * moon 0 is (cos t, sin t) and moon 1 is (1 − cos t, ½ − sin t) for t in [0, π] (as scikit-learn's
 * make_moons), both moved by (−½, −¼) to centre them; ring k is (k+1)/K·(cos t, sin t) for t in
 * [0, 2π]. Every point then gets Gaussian noise of standard deviation
 * {@code noise} in each of the two coordinates. Component sizes are {@code samples}·w<sub>k</sub>/Σw
 * rounded by largest remainders (ties: the lower component); the samples are shuffled.
 */
public final class SyntheticProvider extends BaseDatasetProvider {
    static final String SHAPE = "shape";
    static final String SAMPLES = "samples";
    static final String CLUSTERS = "clusters";
    static final String DIM = "dim";
    static final String NOISE = "noise";
    static final String WEIGHTS = "weights";
    static final String SEED = "seed";
    static final String MAP_SEED = "mapSeed";
    static final List<String> SHAPES = List.of("blobs", "moons", "rings");

    public SyntheticProvider() {
        super("synthetic", null,
                ParamSpec.choice(SHAPE, "blobs", SHAPES, "the components in the plane: Gaussian blobs, two moons or concentric rings"),
                ParamSpec.integer(SAMPLES, 1000, 2, 10_000_000, "points to generate"),
                ParamSpec.integer(CLUSTERS, 0, 0, 1000, "number of components K; 0 = 3 blobs, 2 moons or 2 rings; moons are always 2"),
                ParamSpec.integer(DIM, 20, 2, 100_000, "dimension D the plane is lifted into"),
                ParamSpec.real(NOISE, 0.1, 0.0, 100.0, "standard deviation of the Gaussian noise added in the plane"),
                ParamSpec.text(WEIGHTS, null, "relative component sizes as a comma list of K positive numbers (\"1,1,3\"); unset = equal"),
                ParamSpec.integer(SEED, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the points"),
                ParamSpec.integer(MAP_SEED, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the random nonlinear lift"));
    }

    @Override
    public String title() {
        return "Synthetic clusters: blobs, two moons or rings lifted into D dimensions";
    }

    @Override
    public String description() {
        return "Generated, no files: Gaussian blobs, two moons or concentric rings drawn in the plane with Gaussian noise, "
                + "then lifted into dim dimensions by a fixed random nonlinear map (tanh of a random linear map, plus sine "
                + "mixing, seeded by mapSeed); labels are the generating components. Sizes (samples, weights), noise and "
                + "seeds are parameters; the shared n/subset, imbalance and normalize apply too.";
    }

    @Override
    Dataset read(Params params) {
        String shape = params.getString(SHAPE);
        int k = clusters(shape, params.getInt(CLUSTERS), params.owner());
        int samples = params.getInt(SAMPLES);
        if (samples < k) {
            throw new DclustException(params.owner() + "." + SAMPLES + " = " + samples + " is fewer than the " + k + " components");
        }
        int[] sizes = sizes(weights(params.getString(WEIGHTS), k, params.owner()), samples);
        double noise = params.getDouble(NOISE);
        Random rnd = new Random(params.getInt(SEED));
        double[] xy = new double[2 * samples];
        int[] labels = new int[samples];
        int at = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < sizes[c]; i++, at++) {
                point(shape, c, k, rnd, xy, 2 * at);
                xy[2 * at] += noise * rnd.nextGaussian();
                xy[2 * at + 1] += noise * rnd.nextGaussian();
                labels[at] = c;
            }
        }
        int[] order = java.util.stream.IntStream.range(0, samples).toArray();
        for (int i = samples - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int dim = params.getInt(DIM);
        NonlinearLift lift = new NonlinearLift(dim, params.getInt(MAP_SEED));
        if ((long) samples * dim > Integer.MAX_VALUE - 8) {
            throw new DclustException(params.owner() + ": " + samples + " samples of " + dim + " values are too many for one array "
                    + "(over 2^31 values); lower samples or dim");
        }
        float[] values = new float[samples * dim];
        int[] shuffled = new int[samples];
        for (int i = 0; i < samples; i++) {
            int src = order[i];
            lift.apply(xy[2 * src], xy[2 * src + 1], values, i * dim);
            shuffled[i] = labels[src];
        }
        return new Dataset("synthetic-" + shape, values, new int[] {dim}, shuffled, k);
    }

    /** The number of components for a shape and the {@code clusters} parameter. */
    static int clusters(String shape, int clusters, String owner) {
        if (shape.equals("moons")) {
            if (clusters != 0 && clusters != 2) {
                throw new DclustException(owner + "." + CLUSTERS + " = " + clusters + ": two moons are always 2 components; "
                        + "leave clusters unset or use shape=blobs or shape=rings");
            }
            return 2;
        }
        if (clusters == 1) {
            throw new DclustException(owner + "." + CLUSTERS + " = 1: a clustering needs at least 2 components");
        }
        return clusters != 0 ? clusters : shape.equals("blobs") ? 3 : 2;
    }

    /** The weights list, or equal weights when unset. */
    static double[] weights(String text, int k, String owner) {
        double[] w = new double[k];
        if (text == null || text.isBlank()) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        String[] parts = text.split(",");
        if (parts.length != k) {
            throw new DclustException(owner + "." + WEIGHTS + " = " + text + " gives " + parts.length + " weights for "
                    + k + " components; give one positive number per component");
        }
        for (int i = 0; i < k; i++) {
            try {
                w[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                w[i] = Double.NaN;
            }
            if (!(w[i] > 0) || Double.isInfinite(w[i])) {
                throw new DclustException(owner + "." + WEIGHTS + " = " + text + ": weight " + (i + 1) + " ('" + parts[i].trim()
                        + "') is not a positive number");
            }
        }
        return w;
    }

    /** samples·w/Σw rounded by largest remainders (ties: the lower component), summing to samples. */
    static int[] sizes(double[] w, int samples) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        int[] size = new int[w.length];
        double[] rem = new double[w.length];
        int assigned = 0;
        for (int c = 0; c < w.length; c++) {
            double exact = samples * w[c] / total;
            size[c] = (int) Math.floor(exact);
            rem[c] = exact - size[c];
            assigned += size[c];
        }
        for (int extra = samples - assigned; extra > 0; extra--) {
            int best = 0;
            for (int c = 1; c < w.length; c++) {
                if (rem[c] > rem[best]) {
                    best = c;
                }
            }
            size[best]++;
            rem[best] = -1;
        }
        return size;
    }

    /** Writes a noiseless point of component c of k to {@code xy[at]}, {@code xy[at+1]}. */
    private static void point(String shape, int c, int k, Random rnd, double[] xy, int at) {
        switch (shape.toLowerCase(Locale.ROOT)) {
            case "blobs": {
                double a = 2 * Math.PI * c / k;
                xy[at] = Math.cos(a);
                xy[at + 1] = Math.sin(a);
                break;
            }
            case "moons": {
                double t = Math.PI * rnd.nextDouble();
                if (c == 0) {
                    xy[at] = Math.cos(t) - 0.5;
                    xy[at + 1] = Math.sin(t) - 0.25;
                } else {
                    xy[at] = 1 - Math.cos(t) - 0.5;
                    xy[at + 1] = 0.5 - Math.sin(t) - 0.25;
                }
                break;
            }
            default: {
                double t = 2 * Math.PI * rnd.nextDouble();
                double r = (c + 1) / (double) k;
                xy[at] = r * Math.cos(t);
                xy[at + 1] = r * Math.sin(t);
            }
        }
    }
}
