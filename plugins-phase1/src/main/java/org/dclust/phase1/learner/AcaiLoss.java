package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.train.Scalars;

/**
 * The formulas of ACAI (Berthelot, Raffel, Roy and Goodfellow, "Understanding and Improving
 * Interpolation in Autoencoders via an Adversarial Regularizer", ICLR 2019, arXiv 1807.07543,
 * section 2), in the form of the authors' code (brain-research/acai, {@code acai.py} lines 52-70)
 * and of DynAE's (nairouz/DynAE, {@code DynAE/DynAE.py} lines 165-168, 178-192, 200-207, 223-229):
 * <ul>
 *   <li>the interpolant of each code with its partner in the reversed batch,
 *       z̃_i = α_i z_i + (1 − α_i) z_{B−1−i};</li>
 *   <li>the critic's answer d(x), the mean of its last layer's outputs (a network of the encoder's
 *       shape on the input);</li>
 *   <li>the autoencoder's loss, reconstruction + λ · mean_i d(g(z̃_i))² (the mean squared
 *       reconstruction error over pixels and batch, as both codes compute it);</li>
 *   <li>the critic's loss, mean_i (d(g(z̃_i)) − α_i)² + mean_i d(γ x_i + (1 − γ) g(f(x_i)))².</li>
 * </ul>
 * Whole-batch tensor expressions; numbers enter through {@link Scalars}, so autograd keeps them.
 */
final class AcaiLoss {
    private AcaiLoss() {
    }

    /** z̃ (B, d): each code z_i (rows of z, (B, d)) mixed with z_{B−1−i} by α_i (alpha, (B)). */
    static NDArray interpolate(NDArray z, NDArray alpha) {
        NDArray partner = z.flip(0);
        return partner.add(alpha.reshape(-1, 1).mul(z.sub(partner)));
    }

    /** The critic's answer (B) for a batch (B, inputShape...): the mean of its encoder's outputs per sample. */
    static NDArray critic(EncoderNetwork critic, NDArray x, boolean training) {
        NDArray out = critic.encode(x, training);
        return out.reshape(out.getShape().get(0), -1).mean(new int[] {1});
    }

    /** The adversarial term mean_i d_i² of the critic's answers d (B) on decoded interpolants; a scalar. */
    static NDArray adversarial(NDArray criticOnInterpolants) {
        return criticOnInterpolants.square().mean();
    }

    /** The autoencoder's loss, reconstruction + λ · adversarial; scalars in, a scalar out. */
    static NDArray autoencoder(NDArray reconstruction, NDArray adversarial, double lambda) {
        return reconstruction.add(Scalars.mul(adversarial, (float) lambda));
    }

    /**
     * The critic's loss: mean_i (d_i − α_i)² on decoded interpolants plus mean_i b_i² on blends of
     * data and reconstructions; d, alpha and b are (B); a scalar.
     */
    static NDArray critic(NDArray criticOnInterpolants, NDArray alpha, NDArray criticOnBlends) {
        return criticOnInterpolants.sub(alpha).square().mean().add(criticOnBlends.square().mean());
    }

    /** γ x + (1 − γ) x̂, the blend the critic must answer 0 on; x and x̂ of one shape. */
    static NDArray blend(NDArray x, NDArray reconstruction, double gamma) {
        return reconstruction.add(Scalars.mul(x.sub(reconstruction), (float) gamma));
    }
}
