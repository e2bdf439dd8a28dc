package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.param.Presets;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.PretrainingLearnerProvider;

/** Registers the {@code dcn} learner ({@link DcnLearner}). */
public final class DcnLearnerProvider implements PretrainingLearnerProvider {
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
        return "Yang et al. 2017 with the authors' raw-MNIST settings (boyangumn/DCN run_raw_mnist.py): per batch of 128, one SGD "
                + "step with Nesterov momentum 0.9 on summed squared reconstruction error + (lambda/2) ||f(x) - M s||^2, lambda = 40 "
                + "(their lbd = 0.05 on reconstruction against beta = 1 on clustering), at lr 3.125e-4, with assignments and centres "
                + "fixed (their lr 0.05 on their loss, 0.05 times this one, is lr 0.0025 here: it diverges on this network; "
                + "3.125e-4 is the largest rate of 0.0025/2^j that stayed finite on the embedded data with seeds 1-3); then nearest-centre "
                + "assignments and the paper's per-cluster count rule for the centres (counts start at 100; centreUpdate = none keeps "
                + "the k-means centres, as the authors' runs do in effect). Pretraining: the shared end-to-end Adam autoencoder (batch "
                + "256), not the authors' layer-wise one. Presets: quick = 20 pretraining + 10 clustering epochs (tests, the embedded "
                + "data); default = " + Pretraining.DEFAULT_EPOCHS + " pretraining + " + DEFAULT_EPOCHS
                + " clustering epochs (the authors' 50; what it gives up is their pretraining, see the README's speed section for "
                + "its cost); paper = 250 pretraining + 50 clustering epochs.";
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
