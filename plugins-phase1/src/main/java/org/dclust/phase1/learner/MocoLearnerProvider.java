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

/** Registers the {@code moco} learner ({@link MocoLearner}): MoCo v2 contrastive training, then k-means on the features. */
public final class MocoLearnerProvider implements LearnerProvider {
    /** Epochs of the default preset (see the README's speed section). */
    static final int DEFAULT_EPOCHS = 40;
    /** Epochs of the quick preset. */
    static final int QUICK_EPOCHS = 20;

    @Override
    public String name() {
        return MocoLearner.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("moco-v2");
    }

    @Override
    public String title() {
        return "MoCo v2: momentum-contrast training of an encoder on augmented image views, then k-means on its normalised features";
    }

    @Override
    public String description() {
        return "He et al. 2020 with Chen et al.'s v2 improvements: a query encoder (the backbone, e.g. resnet, with an MLP head "
                + "Linear(d,d)-ReLU-Linear(d,dim) and L2 normalisation), a key encoder following it with momentum keyMomentum, a queue of "
                + "queue negative keys, InfoNCE at temperature T on two augmented views per image, SGD with momentum 0.9, weight decay and a "
                + "cosine learning-rate decay; shuffle-BN imitated on one device by encoding each batch in bnSplits slices, the key batch "
                + "shuffled first. Images only. The model: the backbone's pooled features (features=h; z: the head's), L2-normalised, of "
                + "the un-augmented images, with k-means centres. The declared defaults are the default preset's. Presets: quick = " + QUICK_EPOCHS + " epochs at batch 64, queue 1024 "
                + "(the 3,000 embedded images, a few minutes); default = " + DEFAULT_EPOCHS
                + " epochs at batch 256, queue 4096 (all 70,000 Fashion-MNIST images: about 2.5 hours on 2 cores with resnet's "
                + "defaults, measured with dclust bench, see the README's speed section; resumable); both with the CIFAR "
                + "demo's m = 0.99 for short schedules, v2's T = 0.2 and lr 0.06; paper = MoCo v2's published ImageNet settings "
                + "(200 epochs, batch 256, lr 0.03, m 0.999, T 0.2, queue 65536, weight decay 1e-4; GPU-sized, and its queue needs "
                + "65,536 samples or more).";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Chen, Fan, Girshick, He", "Improved Baselines with Momentum Contrastive Learning", 2020, "arXiv",
                "2003.04297"));
    }

    /** A small residual network (the run may name any other backbone; it needs no decoder). */
    @Override
    public String defaultBackbone() {
        return "resnet";
    }

    @Override
    public List<ParamSpec> parameters() {
        return MocoLearner.parameters(DEFAULT_EPOCHS);
    }

    @Override
    public List<String> validate(Params params) {
        return MocoLearner.validate(params);
    }

    @Override
    public List<String> validate(Params params, Dataset data) {
        return MocoLearner.validate(params, data);
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("epochs", QUICK_EPOCHS, "batchSize", 64, "queue", 1024, "keyMomentum", 0.99, "temperature", 0.2,
                        "lr", 0.06, "weightDecay", 1e-4),
                "default", Map.of("epochs", DEFAULT_EPOCHS, "batchSize", 256, "queue", 4096, "keyMomentum", 0.99, "temperature", 0.2,
                        "lr", 0.06, "weightDecay", 1e-4),
                "paper", Map.of("epochs", 200, "batchSize", 256, "lr", 0.03, "momentum", 0.9, "weightDecay", 1e-4, "keyMomentum", 0.999,
                        "temperature", 0.2, "queue", 65536, "dim", 128, "bnSplits", 8));
    }

    @Override
    public LatentLearner create(Params params) {
        return new MocoLearner(params);
    }
}
