package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.train.ParamOptimizer;

/**
 * One ACAI iteration on a batch (see {@link AcaiLoss}): the autoencoder's step, then the critic's, each
 * with its own optimizer. Both losses come from one forward pass of the autoencoder, so the critic
 * is trained on what the autoencoder produced before its step, as in the authors' code (both Adam
 * updates of one graph run together, brain-research/acai {@code acai.py} lines 87-97) and in DynAE
 * (the critic's inputs are predicted before the autoencoder's step, {@code DynAE/DynAE.py} lines
 * 367-372).
 *
 * <ul>
 *   <li>The autoencoder's step: encoder and decoder move on reconstruction + λ · mean d(g(z̃))²; the
 *       critic is frozen (the gradients this loss leaves on its weights are discarded before its own
 *       step, as DynAE's {@code critic.trainable = False} in the combined model, line 219).</li>
 *   <li>The critic's step: on the decoded interpolants and the blends γ x + (1 − γ) x̂, both cut from
 *       the autoencoder's graph, so its loss never reaches the autoencoder's weights.</li>
 * </ul>
 *
 * @param autoencoder encoder f and decoder g
 * @param critic the critic d: the encoder of a second network of the backbone's shape
 * @param autoencoderOptimizer over the autoencoder's parameters
 * @param criticOptimizer over the critic's encoder parameters
 * @param lambda the weight λ of the adversarial term
 */
record AcaiStep(EncoderNetwork autoencoder, EncoderNetwork critic, ParamOptimizer autoencoderOptimizer, ParamOptimizer criticOptimizer,
        double lambda) {

    /** The batch means of one iteration's terms, for the epoch events. */
    record Terms(double autoencoder, double reconstruction, double adversarial, double critic) {
    }

    /**
     * Trains both networks on one batch.
     *
     * @param x the batch (B, inputShape...), in {@code scope}
     * @param alpha the interpolation weights α (B), each in [0, 1]
     * @param gamma the blend weight γ of data against reconstruction in the critic's second term
     */
    Terms step(NDManager scope, NDArray x, NDArray alpha, double gamma) {
        NDArray reconstruction;
        NDArray decodedInterpolants;
        NDArray rec;
        NDArray adv;
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = autoencoder.encode(x, true);
            reconstruction = autoencoder.decode(z, true);
            rec = Reconstruction.meanSquared(reconstruction, x);
            decodedInterpolants = autoencoder.decode(AcaiLoss.interpolate(z, alpha), true);
            adv = AcaiLoss.adversarial(AcaiLoss.critic(critic, decodedInterpolants, true));
            loss = AcaiLoss.autoencoder(rec, adv, lambda);
            gc.backward(loss);
        }
        autoencoderOptimizer.step(scope);
        criticOptimizer.zeroGradients(scope);
        NDArray blends = AcaiLoss.blend(x, reconstruction.stopGradient(), gamma);
        NDArray criticLoss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            criticLoss = AcaiLoss.critic(AcaiLoss.critic(critic, decodedInterpolants.stopGradient(), true), alpha,
                    AcaiLoss.critic(critic, blends, true));
            gc.backward(criticLoss);
        }
        criticOptimizer.step(scope);
        return new Terms(loss.getFloat(), rec.getFloat(), adv.getFloat(), criticLoss.getFloat());
    }
}
