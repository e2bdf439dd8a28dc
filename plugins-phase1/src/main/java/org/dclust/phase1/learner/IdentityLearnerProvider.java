package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.phase1.backbone.FlattenBackboneProvider;

/** Registers the {@code identity} learner ({@link IdentityLearner}): the data's own vectors with k-means centres. */
public final class IdentityLearnerProvider implements LearnerProvider {
    static final String NAME = "identity";

    /** Nothing trains, so the presets differ in nothing: each keeps the toolkit's 10 k-means restarts. */
    private static final Map<String, Map<String, Object>> PRESETS = Map.of(
            "quick", Map.of("kmeansRestarts", PretrainedStart.RESTARTS),
            "default", Map.of("kmeansRestarts", PretrainedStart.RESTARTS),
            "paper", Map.of("kmeansRestarts", PretrainedStart.RESTARTS));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "fixed features as phase 1: the data's own vectors (identity encoder) + k-means centres";
    }

    @Override
    public String description() {
        return "For data sets of embeddings made by another tool (the features data set), as in the DCSS paper's Table 3. Nothing "
                + "trains here. identity + centroid is plain k-means on the vectors; identity + mnet trains MNet's head on the fixed "
                + "vectors (the flatten encoder has no weights to fine-tune). A learner that needs an autoencoder (ae, dec, idec, dcn, "
                + "dkm, dcss) run on the same features with the mlp backbone trains an MLP autoencoder on them, and mnet after it "
                + "fine-tunes that encoder too. Backbone: flatten only. Presets quick, default and paper: all 10 k-means restarts.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("kmeansRestarts", PretrainedStart.RESTARTS, 1, 1000,
                "k-means restarts on the vectors (the lowest inertia is kept)"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return PRESETS;
    }

    @Override
    public String defaultBackbone() {
        return FlattenBackboneProvider.NAME;
    }

    @Override
    public List<String> backbones() {
        return List.of(FlattenBackboneProvider.NAME);
    }

    @Override
    public LatentLearner create(Params params) {
        return new IdentityLearner(params);
    }
}
