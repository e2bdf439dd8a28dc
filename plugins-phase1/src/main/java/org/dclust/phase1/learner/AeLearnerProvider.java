package org.dclust.phase1.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.Pretraining;

/** Registers the {@code ae} learner ({@link AeLearner}): autoencoder pretraining, then k-means. */
public final class AeLearnerProvider implements LearnerProvider {
    static final String NAME = "ae";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("ae-kmeans");
    }

    @Override
    public String title() {
        return "autoencoder pretraining (Adam, MSE) + k-means on the latent space";
    }

    @Override
    public String description() {
        return "Presets: quick = 20 pretraining epochs; default = 50 epochs (about 13,700 Adam steps on 70,000 images at batch 256, "
                + "about a quarter of an hour on 2 cores, leaving the rest of a 60-minute budget to phase 1 and 2 of the other learners, "
                + "which share this pretraining through the cache); paper = 200 epochs.";
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(Pretraining.parameters(50, 1e-3, 256));
        p.add(ParamSpec.integer("kmeansRestarts", 10, 1, 1000, "k-means restarts (the lowest inertia is kept)"));
        return p;
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("pretrainEpochs", 20),
                "default", Map.of("pretrainEpochs", 50),
                "paper", Map.of("pretrainEpochs", 200));
    }

    @Override
    public LatentLearner create(Params params) {
        return new AeLearner(params);
    }
}
