package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Locale;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;

/**
 * Reconstruction errors as the reference implementations weigh them against their clustering terms:
 * the squared error summed over a sample's features and averaged over the batch (DCN's and DKM's
 * authors' code, ‖x − g(f(x))‖²), or averaged over features too (IDEC's authors' code, Keras "mse",
 * and the shared {@link Pretraining}). A clustering weight (DCN's λ, IDEC's γ) is tuned for one of
 * these scales, so a learner names the one its paper used.
 */
public final class Reconstruction {
    private Reconstruction() {
    }

    /** mean_i Σ_j (x̂_ij − x_ij)² over a batch (b, ...) of any sample shape; a scalar. */
    public static NDArray summedSquared(NDArray reconstruction, NDArray x) {
        long b = x.getShape().get(0);
        return reconstruction.sub(x).square().reshape(b, -1).sum(new int[] {1}).mean();
    }

    /** mean_ij (x̂_ij − x_ij)² over a batch of any sample shape; a scalar. */
    public static NDArray meanSquared(NDArray reconstruction, NDArray x) {
        return reconstruction.sub(x).square().mean();
    }

    /** The samples {@link #shareOfMeanSampleError} reads at most: evenly spaced, so no draw is needed. */
    static final int CHECKED = 2000;

    /** The samples of one forward pass of {@link #shareOfMeanSampleError}, so its memory stays that of a small batch. */
    private static final int CHUNK = 250;

    /** At or above this {@link #shareOfMeanSampleError}, an autoencoder has learned little ({@link #learnedLittle}). */
    public static final double LITTLE = 0.9;

    /**
     * The trained autoencoder's mean squared reconstruction error (per value, evaluation mode) as a
     * share of the error of answering every sample with the mean sample (the mean per-feature variance):
     * 0 for a perfect reconstruction, about 1 for a network that has collapsed to the mean image (what
     * an adversarial term can do to a short schedule, issue 18), and for a linear autoencoder of d codes
     * at best the share of the variance outside the first d principal components. Label-free. Read on at
     * most {@value #CHECKED} samples spread evenly over the data (every (N / {@value #CHECKED})-th).
     *
     * @param net a network with a decoder
     * @param data the data it was trained on, in its preprocessed scale
     * @return the share, or NaN when the samples read do not vary (nothing to explain)
     */
    public static double shareOfMeanSampleError(EncoderNetwork net, Dataset data) {
        int n = Math.min(data.size(), CHECKED);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) ((long) i * data.size() / n);
        }
        double error = 0;
        double spread = 0;
        try (NDManager scope = net.manager().newSubManager()) {
            NDArray mean = data.batch(scope, idx).mean(new int[] {0}, true);
            for (int start = 0; start < n; start += CHUNK) {
                try (NDManager chunk = scope.newSubManager()) {
                    NDArray x = data.batch(chunk, Arrays.copyOfRange(idx, start, Math.min(n, start + CHUNK)));
                    error += net.decode(net.encode(x, false), false).sub(x).square().sum().getFloat();
                    spread += x.sub(mean).square().sum().getFloat();
                }
            }
        }
        return spread > 0 ? error / spread : Double.NaN;
    }

    /**
     * The warning for an autoencoder that has learned little ({@link #shareOfMeanSampleError} at or
     * above {@value #LITTLE}): its codes carry little of the data, so clusters found in them may say
     * little about it. Null when it has learned.
     *
     * @param phase the phase that trained it, named in the message ("acai", "the shared pretraining")
     * @param advice what to try, appended to the message
     */
    public static String learnedLittle(String phase, EncoderNetwork net, Dataset data, String advice) {
        double share = shareOfMeanSampleError(net, data);
        if (!(share >= LITTLE)) {
            return null;
        }
        return String.format(Locale.ROOT, "warning: the autoencoder of %s learned little: its reconstruction error is %.0f%% of the"
                + " error of answering every sample with the mean sample (label-free, on %d samples%s), so its codes carry little of the"
                + " data and clusters found in them may say little about it; %s", phase, 100 * share, Math.min(data.size(), CHECKED),
                share >= 1 ? "; above 100%: it has barely trained" : "", advice);
    }
}
