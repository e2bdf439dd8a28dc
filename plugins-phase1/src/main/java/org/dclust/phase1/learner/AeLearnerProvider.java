package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.PretrainingLearnerProvider;

/** Registers the {@code ae} learner ({@link AeLearner}): autoencoder pretraining, then k-means. */
public final class AeLearnerProvider implements PretrainingLearnerProvider {
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
        return "Presets (the shared pretraining's): quick = 20 pretraining epochs; default = " + Pretraining.DEFAULT_EPOCHS
                + " epochs (about 27,400 Adam steps on 70,000 images at batch 256, chosen because the reconstruction loss still falls at 50, see Pretraining.DEFAULT_EPOCHS; "
                + "the other learners share this pretraining through the cache); paper = 200 epochs. "
                + "Times: the README's speed section.";
    }

    @Override
    public List<ParamSpec> parameters() {
        return PretrainedStart.parameters();
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Pretraining.presets();
    }

    @Override
    public LatentLearner create(Params params) {
        return new AeLearner(params);
    }
}
