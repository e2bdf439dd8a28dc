package org.dclust.api.toolkit;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Arrays;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;

/**
 * Fully connected autoencoders, as DEC (Xie et al. 2016, section 4.3) builds them and IDEC, DCN and DKM
 * reuse: the encoder D → h1 → ... → hn → d and the mirrored decoder d → hn → ... → h1 → D, ReLU
 * between layers, linear code and output layers, weights Xavier-uniform (PyTorch's
 * {@code xavier_uniform_}; DJL's default elsewhere). The bundled {@code mlp} backbone and the
 * testkit's backbone build theirs here.
 */
public final class MlpNetworks {
    private MlpNetworks() {
    }

    /**
     * Builds and initialises the network in {@code manager} (weights from the engine's random state).
     *
     * @param hidden the encoder's hidden layer sizes, first to last (may be empty)
     */
    public static EncoderNetwork autoencoder(Backbone backbone, NDManager manager, int[] inputShape, int[] hidden, int latentDim) {
        int inputSize = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        SequentialBlock encoder = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int h : hidden) {
            encoder.add(Linear.builder().setUnits(h).build()).add(Activation::relu);
        }
        encoder.add(Linear.builder().setUnits(latentDim).build());
        SequentialBlock decoder = new SequentialBlock();
        for (int i = hidden.length - 1; i >= 0; i--) {
            decoder.add(Linear.builder().setUnits(hidden[i]).build()).add(Activation::relu);
        }
        decoder.add(Linear.builder().setUnits(inputSize).build());
        XavierInitializer xavier = new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f);
        encoder.setInitializer(xavier, Parameter.Type.WEIGHT);
        decoder.setInitializer(xavier, Parameter.Type.WEIGHT);
        return new EncoderNetwork(backbone, encoder, decoder, manager, inputShape);
    }

    /**
     * Layer sizes written as positive integers separated by commas ("500,500,2000"; blank: none), or
     * null when the text is not of that form.
     */
    public static int[] layerSizes(String text) {
        try {
            int[] h = text == null || text.isBlank() ? new int[0]
                    : Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            return Arrays.stream(h).allMatch(v -> v >= 1) ? h : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
