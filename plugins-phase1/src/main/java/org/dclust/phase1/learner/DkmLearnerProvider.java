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

/** Registers the {@code dkm} learner ({@link DkmLearner}). */
public final class DkmLearnerProvider implements PretrainingLearnerProvider {
    static final String NAME = "dkm";
    /**
     * The authors' pretraining (their {@code dkm.py}: 50 epochs, batch 256), kept by the {@code paper}
     * preset. The {@code default} preset takes the shared pretraining ({@value Pretraining#DEFAULT_EPOCHS}
     * epochs) instead, so that every learner of a study starts from the same autoencoder and it is
     * trained once per seed.
     */
    static final int AUTHORS_PRETRAIN_EPOCHS = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "DKM: reconstruction + lambda x softmin-weighted k-means loss, representatives learned by gradient descent with the network";
    }

    @Override
    public String description() {
        return "Fard et al. 2020, as the authors' code runs it (MaziarMF/deep-k-means dkm.py) but for the learning rate: one Adam (lr 0.0001 "
                + "here, 0.001 theirs: at 0.001 it empties 5 of 10 clusters within 3 epochs on 20,000 Fashion-MNIST images; batch 256) on "
                + "summed squared reconstruction error + lambda (1.0) x sum_k G_k ||z - r_k||^2, G the softmin at inverse temperature "
                + "alpha, representatives learned with the network. variant = pretrained (default, their -p): the shared Adam "
                + "autoencoder pretraining, whose Adam state carries on into DKM as in their single-optimizer graph, k-means "
                + "representatives, alpha constant at 1000 for 20 rounds of epochsPerAlpha = 5 epochs (epochs = 100). variant = "
                + "annealed (their -a): a random network and random representatives, no pretraining, alpha annealed from 0.1 by "
                + "alpha_i = 2^(1/ln(i)^2) alpha_(i-1) over 40 values (0.1 to 28.1), 5 epochs each: set epochs = 200 for their whole "
                + "ladder (with lr = 0.001 as theirs). Presets: quick = 20 pretraining + 10 clustering epochs, one per alpha (tests, the embedded "
                + "data); default = the authors' pretrained schedule after the shared " + Pretraining.DEFAULT_EPOCHS + " pretraining epochs "
                + "(theirs are 50: every learner of a study starts from the same autoencoder) + 100 clustering epochs, at lr 0.0001; paper = their 50 "
                + "pretraining epochs and the same schedule at their lr 0.001. Where that does not fit the "
                + "60-minute budget (70,000 images, 2 cores; its cost: the README's speed section), the budget gives way, not the "
                + "schedule: fewer epochs at alpha = 1000 are not the published method.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Fard, Thonet, Gaussier", "Deep k-Means: Jointly Clustering with k-Means and Learning Representations",
                2020, "Pattern Recognition Letters", "1806.10069"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return DkmLearner.parameters();
    }

    @Override
    public List<String> validate(Params params) {
        List<String> problems = new java.util.ArrayList<>(DkmLearner.problems(params));
        problems.addAll(PretrainingLearnerProvider.super.validate(params));
        return problems;
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Presets.merge(Pretraining.presets(), Map.of(
                "quick", Map.of("epochs", 10, "epochsPerAlpha", 1),
                "default", Map.of("epochs", 100, "epochsPerAlpha", 5),
                "paper", Map.of("pretrainEpochs", AUTHORS_PRETRAIN_EPOCHS, "epochs", 100, "epochsPerAlpha", 5, "lr", 1e-3)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new DkmLearner(NAME, params);
    }

    /** The shared pretraining for the pretrained variant; the annealed one trains a fresh network, without pretraining. */
    @Override
    public Optional<Pretraining.Settings> sharedPretraining(Params params) {
        return DkmLearner.PRETRAINED.equals(params.getString("variant")) ? Optional.of(Pretraining.Settings.from(params)) : Optional.empty();
    }
}
