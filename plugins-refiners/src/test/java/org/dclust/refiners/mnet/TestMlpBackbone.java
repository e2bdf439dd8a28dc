package org.dclust.refiners.mnet;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Arrays;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;

/**
 * A test-only fully connected autoencoder (plugins see only api/, so the tests cannot use the mlp
 * backbone of plugins-phase1): D → hidden... → d (linear), mirrored decoder, ReLU, Xavier-uniform.
 */
final class TestMlpBackbone implements Backbone {
    private final Params params;

    TestMlpBackbone(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return TestMlpBackboneProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public int latentDim() {
        return params.getInt("latentDim");
    }

    private int[] hidden() {
        String h = params.getString("hidden");
        return h == null || h.isBlank() ? new int[0] : Arrays.stream(h.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public AutoEncoder build(NDManager manager, int[] inputShape) {
        int inputSize = Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
        int[] hidden = hidden();
        SequentialBlock encoder = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int h : hidden) {
            encoder.add(Linear.builder().setUnits(h).build()).add(Activation::relu);
        }
        encoder.add(Linear.builder().setUnits(latentDim()).build());
        SequentialBlock decoder = new SequentialBlock();
        for (int i = hidden.length - 1; i >= 0; i--) {
            decoder.add(Linear.builder().setUnits(hidden[i]).build()).add(Activation::relu);
        }
        decoder.add(Linear.builder().setUnits(inputSize).build());
        XavierInitializer xavier = new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f);
        encoder.setInitializer(xavier, Parameter.Type.WEIGHT);
        decoder.setInitializer(xavier, Parameter.Type.WEIGHT);
        return new AutoEncoder(this, encoder, decoder, manager, inputShape);
    }
}
