package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.Random;

/**
 * Bare ACAI (the {@code acai} learner's arithmetic at its defaults; Berthelot et al., ICLR 2019, section
 * 2): per batch the codes z = f(x), the reconstruction g(z) and the decoded interpolants g(z̃) of each
 * code with its partner in the reversed batch (α ~ U[0, 0.5] per sample); the autoencoder's Adam step
 * (lr 1e-3) on MSE + 0.5 · mean d(g(z̃))², where d is the mean output of a critic of the encoder's
 * shape; then the critic's gradients zeroed and its Adam step (lr 1e-4) on mean (d(g(z̃)) − α)² +
 * mean d(γ x + (1 − γ) g(f(x)))², γ = 0.2, on the autoencoder's outputs cut from its graph.
 */
final class BareAcai extends BareAutoEncoder {
    private static final float LAMBDA = 0.5f;
    private static final float ALPHA_MAX = 0.5f;
    private static final float GAMMA = 0.2f;
    private final SequentialBlock critic;
    private final Optimizer autoencoderAdam = adam(1e-3);
    private final Optimizer criticAdam = adam(1e-4);
    private final List<Parameter> autoencoderParams;
    private final List<Parameter> criticParams;
    private final Random alphas;

    BareAcai(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        super(parent, values, n, k, batchSize, seed);
        critic = mlp(features(), HIDDEN[0], HIDDEN[1], HIDDEN[2], LATENT);
        autoencoderParams = allParameters();
        criticParams = trainable(critic);
        alphas = new Random(seed + 1);
    }

    @Override
    double matmulFlops(int epoch) {
        // the autoencoder's step: f and g on x, g again on z̃, the critic on g(z̃) (its weights' gradients
        // are computed and discarded); the critic's step: the critic on g(z̃) and on the blends
        return n * (trainingFlops(encoder, decoder) + trainingFlops(decoder) + 3 * trainingFlops(critic));
    }

    @Override
    void epoch(int epoch) {
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = rows(scope, idx);
                float[] a = new float[idx.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = ALPHA_MAX * alphas.nextFloat();
                }
                NDArray alpha = scope.create(a);
                NDArray reconstruction;
                NDArray interpolants;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = forward(encoder, x, true);
                    reconstruction = forward(decoder, z, true);
                    NDArray partner = z.flip(0);
                    interpolants = forward(decoder, partner.add(alpha.reshape(-1, 1).mul(z.sub(partner))), true);
                    NDArray adversarial = answer(interpolants).square().mean();
                    gc.backward(reconstruction.sub(x).square().mean().add(adversarial.mul(LAMBDA)));
                }
                update(autoencoderAdam, autoencoderParams, scope);
                for (Parameter p : criticParams) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(scope);
                    g.subi(g);
                }
                NDArray recon = reconstruction.stopGradient();
                NDArray blends = recon.add(x.sub(recon).mul(GAMMA));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = answer(interpolants.stopGradient()).sub(alpha).square().mean().add(answer(blends).square().mean());
                    gc.backward(loss);
                }
                update(criticAdam, criticParams, scope);
            }
        }
    }

    /** The critic network (for tests). */
    SequentialBlock critic() {
        return critic;
    }

    /** The critic's answer (b): the mean of its outputs per sample. */
    private NDArray answer(NDArray x) {
        return forward(critic, x, true).mean(new int[] {1});
    }
}
