package org.dclust.phase1.backbone;

import java.util.List;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.FuzzyMemberships;

/**
 * Registers the {@code conv} backbone ({@link ConvBackbone}): the convolutional autoencoder with
 * residual bottleneck blocks that the DCSS reference code trains on the MNIST family (DCSS paper,
 * section 4.2 and supplementary section 1).
 */
public final class ConvBackboneProvider implements BackboneProvider {
    static final String NAME = "conv";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("dcss-conv");
    }

    @Override
    public String title() {
        return "convolutional autoencoder with bottleneck residual blocks (DCSS, MNIST family, 28x28 images)";
    }

    @Override
    public String description() {
        return "Encoder: 5x5/2 conv to 32 channels + BatchNorm, bottleneck block, 5x5/2 conv to 64, bottleneck, 3x3/2 conv to 128 "
                + "(3x3), bottleneck, linear to latentDim; decoder: linear, transposed convs 128-64-32-C back to 28x28. "
                + "Takes samples of shape [C, 28, 28], [28, 28] or [784]. The paper's DCSS figures come from this network; "
                + "on a CPU it is several times slower than mlp (the README's speed section), so prefer mlp there. It has BatchNorm: give it enough "
                + "pretraining steps (some hundreds) for the running statistics to settle, since evaluation uses them.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(FuzzyMemberships.DCSS);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("latentDim", 10, 1, 4096, "size of the latent space d"));
    }

    /** The network's input: the MNIST family's 28 x 28 images, any number of channels. */
    @Override
    public List<String> validate(Params params, Dataset data) {
        try {
            ConvBackbone.channels(data.sampleShape());
            return List.of();
        } catch (DclustException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public Backbone create(Params params) {
        return new ConvBackbone(params);
    }
}
