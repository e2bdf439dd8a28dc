package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.LearnerProvider;

/** Registers the {@code secu} learner ({@link SecuLearner}): one-stage clustering by stable cluster discrimination. */
public final class SecuLearnerProvider implements LearnerProvider {
    /** The paper. */
    static final Citation CITATION = new Citation("Qian", "Stable Cluster Discrimination for Deep Clustering", 2023, "ICCV", "2311.14310");
    /** Epochs of the default preset (see the README's speed section). */
    static final int DEFAULT_EPOCHS = 25;
    /** Epochs of the quick preset. */
    static final int QUICK_EPOCHS = 20;
    /** Warm-up epochs of the quick and default presets (one frozen, two of ramp; see {@link SecuLearner}). */
    static final int SHORT_WARMUP = 3;

    @Override
    public String name() {
        return SecuLearner.NAME;
    }

    @Override
    public String title() {
        return "SeCu: one-stage deep clustering by stable cluster discrimination, encoder, centres and size-constrained assignments learned together";
    }

    @Override
    public String description() {
        return "Qian 2023 (code idstcv/SeCu): an encoder (the backbone, e.g. resnet, with the head Linear(d,d)-BN-ReLU-Linear(d,dim) and L2 "
                + "normalisation), heads of K, 2K, ... centres (normalised each forward pass) and a memory of each sample's last assignment. "
                + "Per batch two augmented views (the second adds solarize); per head the assignment of the mean score under a lower bound "
                + "on every cluster's size by dual ascent (constraint=size) or an entropy term (entropy); the stable centre loss (only the "
                + "assigned centre's logit carries gradient, harder members pull more) and the representation loss (each view predicts "
                + "the other's soft prediction against the epoch's frozen centres mixed with the previous assignment). SGD in two groups: "
                + "the encoder with lr 0 in epoch 0, a linear warm-up to epoch warmupEpochs, then a cosine; the centres at a constant "
                + "centreLr. Images only; no pretraining. The model: the unit embedding, the first head's centres and softmax(z.c/tw). "
                + "The declared defaults are the default preset's. Presets: quick = " + QUICK_EPOCHS + " epochs, 3 heads, batch 64 (the 3,000 embedded images: 47 dual steps an epoch; "
                + "5 minutes); default = "
                + DEFAULT_EPOCHS + " epochs, 3 heads, batch 128 (all 70,000 Fashion-MNIST images: about 2 hours on 2 cores with resnet's "
                + "defaults, 2.6 hours at one libtorch thread on a busy machine, from dclust bench, see the README's speed section; "
                + "resumable); both with warmupEpochs "
                + SHORT_WARMUP + "; paper = the authors' CIFAR-10 settings (401 epochs, batch 128, lr 0.2, centre lr 1.2, warm-up 11, 10 "
                + "heads of 10..100 clusters, dim 128, tau_x = tau_w = 0.05, tau 0.2, gamma 0.9, eta 0.1; with a CIFAR ResNet-18 backbone, "
                + "--backbone resnet --set backbone.width=64 --set backbone.stages=4 --set backbone.blocks=2; GPU-sized).";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(CITATION);
    }

    /** A small residual network (the run may name any other backbone; it needs no decoder). */
    @Override
    public String defaultBackbone() {
        return "resnet";
    }

    @Override
    public List<ParamSpec> parameters() {
        return SecuLearner.parameters(DEFAULT_EPOCHS, SHORT_WARMUP);
    }

    @Override
    public List<String> validate(Params params) {
        return SecuLearner.validate(params);
    }

    @Override
    public List<String> validate(Params params, Dataset data) {
        return SecuLearner.validate(params, data);
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("epochs", QUICK_EPOCHS, "batchSize", 64, "heads", 3, "warmupEpochs", SHORT_WARMUP),
                "default", Map.of("epochs", DEFAULT_EPOCHS, "batchSize", 128, "heads", 3, "warmupEpochs", SHORT_WARMUP),
                "paper", Map.ofEntries(Map.entry("epochs", 401), Map.entry("batchSize", 128), Map.entry("lr", 0.2), Map.entry("centreLr", 1.2),
                        Map.entry("warmupEpochs", 11), Map.entry("momentum", 0.9), Map.entry("weightDecay", 1e-4), Map.entry("heads", 10),
                        Map.entry("dim", 128), Map.entry("tx", 0.05), Map.entry("tw", 0.05), Map.entry("tau", 0.2),
                        Map.entry("constraint", "size"), Map.entry("lowerBound", 0.9), Map.entry("dualLr", 0.1)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new SecuLearner(params);
    }
}
