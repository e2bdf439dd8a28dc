package org.dclust.phase1.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.PretrainingLearnerProvider;
import org.dclust.api.train.Optimizers;

/** Registers the {@code idec} learner: {@link DecLearner} with the decoder kept, L = L_r + γ·KL. */
public final class IdecLearnerProvider implements PretrainingLearnerProvider {
    static final String NAME = "idec";

    /** Clustering epochs of the default preset. */
    static final int DEFAULT_EPOCHS = 35;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "IDEC: DEC's clustering loss plus the autoencoder's reconstruction loss (local structure preserved)";
    }

    @Override
    public String description() {
        return "Guo et al. 2017: DEC with the decoder kept, L = MSE reconstruction + gamma x KL(P||Q), gamma = 0.1, Adam "
                + "lr 0.001, batch 256, P recomputed over the whole data set every updateInterval = 140 iterations, stop when "
                + "fewer than tol = 0.1% of the samples change cluster between two target updates. Pretraining: the shared "
                + "end-to-end Adam autoencoder, as IDEC's own (200 epochs, batch 256). Presets: quick = 20 pretraining + at "
                + "most 30 clustering epochs, updateInterval 20 (tests, the embedded data); default = " + Pretraining.DEFAULT_EPOCHS + " pretraining + at most "
                + DEFAULT_EPOCHS + " clustering epochs (sized for the 60-minute budget on 70,000 images and 2 cores, see the README's "
                + "speed section; gives up half the pretraining and the last 39 of the 74 epochs the paper's 2e4-iteration cap "
                + "allows, if the tol stop has not come first); paper = 200 pretraining + at most 74 epochs (2e4 iterations of 256 "
                + "on 70,000 images).";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Guo, Gao, Liu, Yin", "Improved Deep Embedded Clustering with Local Structure Preservation", 2017, "IJCAI", ""));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(DecLearner.parameters(DEFAULT_EPOCHS, Optimizers.ADAM, 0.001));
        p.add(ParamSpec.real("gamma", 0.1, 0.0, 1e6, "weight γ of DEC's KL clustering loss against the reconstruction loss"));
        return p;
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return DecLearnerProvider.presetTable(DEFAULT_EPOCHS);
    }

    @Override
    public LatentLearner create(Params params) {
        return new DecLearner(NAME, params, 1, params.getDouble("gamma"));
    }
}
