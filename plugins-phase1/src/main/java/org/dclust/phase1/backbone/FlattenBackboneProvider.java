package org.dclust.phase1.backbone;

import java.util.List;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;

/** Registers the {@code flatten} backbone ({@link FlattenBackbone}): the identity encoder, no weights, no decoder. */
public final class FlattenBackboneProvider implements BackboneProvider {
    /** The name, also the only backbone of the {@code identity} learner. */
    public static final String NAME = "flatten";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "identity encoder: each sample flattened to a vector; no weights, no decoder";
    }

    @Override
    public String description() {
        return "The latent space is the data itself: the identity learner's backbone, for data sets of fixed features.";
    }

    /** The backbone (it has no parameters). */
    public static FlattenBackbone backbone() {
        return new FlattenBackbone(Params.defaults(NAME, List.of()));
    }

    @Override
    public Backbone create(Params params) {
        return new FlattenBackbone(params);
    }
}
