package org.dclust.phase1.backbone;

import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;

/**
 * Registers the {@code contrastive} backbone ({@link ContrastiveEncoder}): what a contrastive learner
 * builds around the run's backbone and saves with its models, so that they load again by name.
 */
public final class ContrastiveEncoderProvider implements BackboneProvider {
    static final String NAME = "contrastive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "a backbone's encoder + optional MLP projection head + L2 normalisation (built by contrastive learners such as moco and secu)";
    }

    @Override
    public String description() {
        return "The network moco and secu train and hand to refiners: the run's backbone (the trunk), a projection head "
                + "Linear(d, d)-ReLU-Linear(d, projection) (MoCo v2's; with batchNorm Linear-BatchNorm-ReLU-Linear, SeCu's), and L2 "
                + "normalisation. moco and secu build it themselves around --backbone and their saved models name it; there is no need to choose it. backboneParams is the trunk's resolved parameters as a "
                + "JSON object.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.text("backbone", ResNetBackboneProvider.NAME, "the trunk: a registered backbone whose encoder comes first"),
                ParamSpec.text("backboneParams", "{}", "the trunk's parameters, a JSON object (unnamed ones take their defaults)"),
                ParamSpec.integer("projection", 0, 0, 65536, "output size of the MLP projection head (MoCo v2: 128); 0: none, the "
                        + "trunk's features are normalised"),
                ParamSpec.bool("batchNorm", false, "batch-normalise the head's hidden layer, Linear-BN-ReLU-Linear (SeCu's head); false: "
                        + "Linear-ReLU-Linear (MoCo v2's)"));
    }

    @Override
    public List<String> validate(Params params) {
        try {
            ContrastiveEncoder.trunk(params);
            return List.of();
        } catch (InvalidParameterException e) {
            return e.problems();
        } catch (DclustException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public Backbone create(Params params) {
        return new ContrastiveEncoder(params);
    }
}
