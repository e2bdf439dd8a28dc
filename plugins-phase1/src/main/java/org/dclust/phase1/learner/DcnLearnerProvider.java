package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.param.Presets;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.Pretraining;

/** Registers the {@code dcn} learner ({@link DcnLearner}). */
public final class DcnLearnerProvider implements LearnerProvider {
    static final String NAME = "dcn";

    /** Clustering epochs of the default preset. */
    static final int DEFAULT_EPOCHS = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DCN: reconstruction + (lambda/2) x squared distance to the assigned centre, hard assignments, count-rule centres";
    }

    @Override
    public String description() {
        return "Yang et al. 2017: per batch, one SGD step (momentum 0.9, lr 1e-4, batch 256, as the authors' code) on summed "
                + "squared reconstruction error + (lambda/2) ||f(x) - M s||^2 with assignments and centres fixed, then nearest-centre "
                + "assignments and the per-cluster count rule for the centres (counts start at 100); lambda = 1 (the paper tunes it "
                + "per data set). Pretraining: the shared end-to-end Adam autoencoder, not the authors' layer-wise + end-to-end one. "
                + "Presets: quick = 20 pretraining + 10 clustering epochs (tests, the embedded data); default = 50 pretraining + "
                + DEFAULT_EPOCHS + " clustering epochs (sized for the 60-minute budget on 70,000 images and 2 cores, see the README's "
                + "speed section; the clustering phase is the authors', what it gives up is pretraining: 50 end-to-end epochs instead "
                + "of 250 layer-wise + 250 end to end); paper = 250 pretraining (the authors' end-to-end epochs) + 50 clustering epochs.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Yang, Fu, Sidiropoulos, Hong", "Towards K-means-friendly Spaces: Simultaneous Deep Learning and Clustering",
                2017, "ICML", "1610.04794"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return DcnLearner.parameters(DEFAULT_EPOCHS);
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Presets.merge(Pretraining.presets(), Map.of(
                "quick", Map.of("epochs", 10),
                "default", Map.of("epochs", DEFAULT_EPOCHS),
                "paper", Map.of("pretrainEpochs", 250, "epochs", 50)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new DcnLearner(NAME, params);
    }
}
