package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDManager;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.MlpNetworks;

/**
 * The fully connected autoencoder D-500-500-2000-d of DEC (Xie et al. 2016, section 4.3), also used by
 * IDEC, DCN and DKM for MNIST-like data, with a mirrored decoder d-2000-500-500-D. ReLU between
 * layers, linear code and output layers; Xavier-uniform weights ({@link MlpNetworks}).
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
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        return MlpNetworks.autoencoder(this, manager, inputShape, hidden, latentDim);
    }
}
