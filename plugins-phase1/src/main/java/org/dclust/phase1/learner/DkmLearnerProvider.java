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

/** Registers the {@code dkm} learner ({@link DkmLearner}). */
public final class DkmLearnerProvider implements LearnerProvider {
    static final String NAME = "dkm";

    /** Clustering epochs of the default preset. */
    static final int DEFAULT_EPOCHS = 40;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DKM: reconstruction + lambda x softmin-weighted k-means loss, representatives learned by gradient descent, alpha annealed";
    }

    @Override
    public String description() {
        return "Fard et al. 2020: Adam (lr 0.001, batch 256) on summed squared reconstruction error + lambda (1.0) x "
                + "sum_k G_k ||z - r_k||^2, G the softmin at inverse temperature alpha, representatives learned with the network; "
                + "alpha annealed from 0.1 by alpha_{n+1} = 2^(1/ln(n+1)^2) alpha_n (40 values, 0.1 to 28.1; the paper trains "
                + "epochsPerAlpha = 5 epochs at each). Pretraining: the shared end-to-end Adam autoencoder (the authors pair "
                + "annealing with no pretraining, and pretraining with a constant alpha = 1000: annealing = false, alpha = 1000). "
                + "Presets: quick = 20 pretraining + 10 clustering epochs, one per alpha (alpha up to 3.2; tests, the embedded "
                + "data); default = 50 pretraining + " + DEFAULT_EPOCHS + " clustering epochs, one per alpha (sized for the 60-minute "
                + "budget on 70,000 images and 2 cores, see the README's speed section; walks the paper's whole ladder of 40 alphas "
                + "with one epoch at each instead of five); paper = 50 pretraining (the authors' default) + 200 clustering epochs "
                + "(40 alphas x 5).";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Fard, Thonet, Gaussier", "Deep k-Means: Jointly Clustering with k-Means and Learning Representations",
                2020, "Pattern Recognition Letters", "1806.10069"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return DkmLearner.parameters(DEFAULT_EPOCHS);
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Presets.merge(Pretraining.presets(), Map.of(
                "quick", Map.of("epochs", 10, "epochsPerAlpha", 1),
                "default", Map.of("epochs", DEFAULT_EPOCHS, "epochsPerAlpha", 1),
                "paper", Map.of("pretrainEpochs", 50, "epochs", 200, "epochsPerAlpha", 5)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new DkmLearner(NAME, params);
    }
}
