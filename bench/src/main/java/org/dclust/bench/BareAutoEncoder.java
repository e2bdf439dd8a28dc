package org.dclust.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import java.util.List;

/**
 * A bare loop on the {@code mlp} autoencoder, D-500-500-2000-d with the mirrored decoder, and the
 * centres its phase starts from (the codes of the first K samples).
 */
abstract class BareAutoEncoder extends BareLoop {
    static final int[] HIDDEN = {500, 500, 2000};
    /** The latent size d (the {@code mlp} backbone's default). */
    static final int LATENT = 10;
    protected final SequentialBlock encoder;
    protected final SequentialBlock decoder;
    protected final NDArray centres;

    protected BareAutoEncoder(NDManager parent, float[] values, int n, int k, int batchSize, long seed) {
        super(parent, values, n, k, batchSize, seed);
        int d = features();
        encoder = mlp(d, HIDDEN[0], HIDDEN[1], HIDDEN[2], LATENT);
        decoder = mlp(LATENT, HIDDEN[2], HIDDEN[1], HIDDEN[0], d);
        try (NDManager scope = manager.newSubManager()) {
            NDArray first = data.get("0:" + k);
            first.attach(scope);
            NDArray c = forward(encoder, first, false);
            c.attach(manager);
            centres = c;
        }
    }

    /** Forward and backward of the mean squared reconstruction error on the rows {@code idx}: the gradients land in the parameters. */
    protected final void reconstructionGradients(NDManager scope, long[] idx) {
        NDArray x = rows(scope, idx);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(forward(decoder, forward(encoder, x, true), true).sub(x).square().mean());
        }
    }

    /** Encoder and decoder parameters. */
    protected List<Parameter> allParameters() {
        return trainable(encoder, decoder);
    }

    /** Σ_j (x̂_ij − x_ij)² per sample, shape (b). */
    protected static NDArray summedSquaredError(NDArray recon, NDArray x) {
        return recon.sub(x).square().sum(new int[] {1});
    }
}
