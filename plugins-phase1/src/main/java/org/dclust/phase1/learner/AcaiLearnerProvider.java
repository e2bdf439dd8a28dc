package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.toolkit.augment.AugmentationPipeline;

/** Registers the {@code acai} learner ({@link AcaiLearner}): an adversarially regularised autoencoder, then k-means. */
public final class AcaiLearnerProvider implements LearnerProvider {
    static final String NAME = "acai";

    /** Epochs of the default preset (sized for 60 minutes on 70,000 images and 2 cores; see the README's speed section). */
    static final int DEFAULT_EPOCHS = 30;

    /** The paper's 2^24 training samples (its code's total_kimg = 2^14) on 70,000 images. */
    static final int PAPER_EPOCHS = 240;

    /** DynAE's 130,000 iterations of 256 on 70,000 images. */
    static final int DYNAE_EPOCHS = 475;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "ACAI: autoencoder with an adversarial critic on latent interpolations (trained from scratch) + k-means";
    }

    @Override
    public String description() {
        return "Berthelot et al. 2019: encoder and decoder from the backbone, a critic of the encoder's shape (its outputs averaged); "
                + "each code is mixed with its partner in the reversed batch by alpha ~ U[0, alphaMax]; the autoencoder minimises "
                + "MSE + lambda * mean d(decoded mix)^2, the critic mean (d(decoded mix) - alpha)^2 + mean d(gamma x + (1 - gamma) "
                + "reconstruction)^2, gamma ~ U[gammaMin, gammaMax] per batch; two Adams, one step each per batch; k-means on the codes. "
                + "It replaces the shared cached pretraining (trains its own autoencoder from the same initialisation). Defaults: the "
                + "paper's alphaMax 0.5 (the critic's target is ambiguous on [0, 1]) and gamma 0.2, lambda 0.5, no augmentation; "
                + "lr 1e-3 is ours (both codes use 1e-4 for far more iterations); criticLr 1e-4 is theirs (at 1e-3 the autoencoder did not "
                + "learn MNIST-10k). Presets: quick = 20 epochs (tests, "
                + "the embedded data); default = " + DEFAULT_EPOCHS + " epochs at batch 256 (sized for the 60-minute budget on 70,000 "
                + "images and 2 cores, see the README's speed section; gives up most of the papers' iterations); paper = the ACAI "
                + "paper's settings: batch 64, Adam 1e-4 for both, 2^24 samples (" + PAPER_EPOCHS + " epochs of 70,000); dynae = as "
                + "R-DC's group runs it in DynAE: batch 256, Adam 1e-4, 130,000 iterations (" + DYNAE_EPOCHS + " epochs of 70,000), "
                + "alpha ~ U[0, 1], gamma ~ U[0, 0.5] per batch, augment = affine (shifts 10%, rotations 10 degrees).";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Berthelot, Raffel, Roy, Goodfellow",
                "Understanding and Improving Interpolation in Autoencoders via an Adversarial Regularizer", 2019, "ICLR", "1807.07543"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return AcaiLearner.parameters(DEFAULT_EPOCHS);
    }

    @Override
    public List<String> validate(Params params) {
        return AcaiLearner.validate(NAME, params);
    }

    /** An augmenting recipe needs images. */
    @Override
    public List<String> validate(Params params, Dataset data) {
        return AugmentationPipeline.dataProblem(params.getString("augment"), data, NAME + ".augment").stream().toList();
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("epochs", 20),
                "default", Map.of("epochs", DEFAULT_EPOCHS),
                "paper", Map.of("epochs", PAPER_EPOCHS, "batchSize", 64, "lr", 1e-4, "criticLr", 1e-4, "alphaMax", 0.5,
                        "gammaMin", 0.2, "gammaMax", 0.2, "augment", "none"),
                "dynae", Map.of("epochs", DYNAE_EPOCHS, "batchSize", 256, "lr", 1e-4, "criticLr", 1e-4, "alphaMax", 1.0,
                        "gammaMin", 0.0, "gammaMax", 0.5, "augment", "affine"));
    }

    /** Needs a decoder: its autoencoder reconstructs, and its critic reads reconstructions. */
    @Override
    public boolean needsDecoder(Params params) {
        return true;
    }

    @Override
    public LatentLearner create(Params params) {
        return new AcaiLearner(NAME, params);
    }
}
