package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.XavierInitializer;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;

/**
 * The fully connected autoencoder D-500-500-2000-d of DEC (Xie et al. 2016, section 4.3), also used by
 * IDEC, DCN and DKM for MNIST-like data, with a mirrored decoder d-2000-500-500-D. ReLU between
 * layers, linear code and output layers; Xavier-uniform weights.
 */
public final class MlpBackbone implements Backbone {
    private final Params params;
    private final int latentDim;
    private final int[] hidden;

    public MlpBackbone(Params params) {
        this.params = params;
        this.latentDim = params.getInt("latentDim");
        this.hidden = MlpBackboneProvider.parseHidden(params.getString("hidden"));
    }

    @Override
    public String name() {
        return MlpBackboneProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    @Override
    public AutoEncoder build(NDManager manager, int[] inputShape) {
        int inputSize = 1;
        for (int s : inputShape) {
            inputSize *= s;
        }
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
        return new AutoEncoder(this, encoder, decoder, manager, inputShape);
    }
}
