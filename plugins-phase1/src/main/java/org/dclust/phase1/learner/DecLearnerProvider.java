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
import org.dclust.api.train.Optimizers;

/** Registers the {@code dec} learner: {@link DecLearner} with the decoder dropped (reconstruction weight 0). */
public final class DecLearnerProvider implements PretrainingLearnerProvider {
    static final String NAME = "dec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DEC: Student's t soft assignment sharpened towards a target distribution (KL), decoder dropped";
    }

    /** Clustering epochs of the default preset: the paper's cap of 2e4 iterations of 256 on 70,000 images. */
    static final int DEFAULT_EPOCHS = 74;

    @Override
    public String description() {
        return "Xie et al. 2016: encoder and centres trained by SGD (lr 0.01, momentum 0.9, batch 256, as the paper) on "
                + "KL(P||Q), Student's t q (alpha = 1), target P recomputed over the whole data set every updateInterval = 140 "
                + "iterations (the DEC/IDEC reference code's T for MNIST), stop when fewer than tol = 0.1% of the samples "
                + "change cluster between two target updates; decoder dropped. Pretraining: the shared end-to-end Adam "
                + "autoencoder (cache shared with ae), not the paper's layer-wise denoising autoencoder (50,000 iterations a "
                + "layer, 100,000 end to end). Presets: quick = 20 pretraining + at most 30 clustering epochs, updateInterval "
                + "20 (tests, the embedded data); default = " + Pretraining.DEFAULT_EPOCHS
                + " pretraining + at most 74 clustering epochs (sized for the "
                + "60-minute budget on 70,000 images and 2 cores, see the README's speed section; the clustering phase is the "
                + "paper's, what it gives up is half the paper preset's pretraining); paper = 200 pretraining + at most 74 "
                + "epochs (2e4 iterations of 256 on 70,000 images).";
    }

    /** 2e4 iterations of 256 samples on 70,000 images (DEC and IDEC reference code's cap). */
    static final int PAPER_EPOCHS = 74;

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Xie, Girshick, Farhadi", "Unsupervised Deep Embedding for Clustering Analysis", 2016, "ICML", "1511.06335"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return DecLearner.parameters(DEFAULT_EPOCHS, Optimizers.SGD, 0.01);
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return presetTable(DEFAULT_EPOCHS);
    }

    /** DEC's and IDEC's presets: the shared pretraining's, and the clustering epochs (T = 20 for quick). */
    static Map<String, Map<String, Object>> presetTable(int defaultEpochs) {
        return Presets.merge(Pretraining.presets(), Map.of(
                "quick", Map.of("epochs", 30, "updateInterval", 20),
                "default", Map.of("epochs", defaultEpochs),
                "paper", Map.of("epochs", PAPER_EPOCHS)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new DecLearner(NAME, params, 0, 1);
    }
}
