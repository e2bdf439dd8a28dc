package com.example.dclust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.param.Presets;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.PretrainingLearnerProvider;
import org.dclust.api.train.Optimizers;

/**
 * Registers the example learner {@code example-idec} ({@link IdecExample}): IDEC, as a third party
 * writes it. Its parameters and presets are the in-tree {@code idec}'s, the shared pretraining's
 * declared by the toolkit, so both share the cached pretraining.
 */
public final class IdecExampleProvider implements PretrainingLearnerProvider {
    static final String NAME = "example-idec";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "example plugin: IDEC (reconstruction + gamma x KL(P||Q)) written against the dclust toolkit";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Guo, Gao, Liu, Yin", "Improved Deep Embedded Clustering with Local Structure Preservation", 2017, "IJCAI", ""));
    }

    @Override
    public List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(PretrainedStart.parameters());
        p.add(ParamSpec.integer("epochs", 35, 0, 1_000_000, "the most clustering epochs (training may stop earlier, see tol)"));
        p.addAll(Optimizers.parameters(Optimizers.ADAM, 0.001, 0.9));
        p.add(ParamSpec.integer("updateInterval", 140, 1, 100_000_000, "batches between two updates of the target distribution P"));
        p.add(ParamSpec.real("tol", 0.001, 0.0, 1.0, "stop when fewer than this fraction of samples change cluster between two updates of P"));
        p.add(ParamSpec.real("gamma", 0.1, 0.0, 1e6, "weight of the clustering loss KL(P||Q) against the reconstruction loss"));
        return p;
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Presets.merge(Pretraining.presets(), Map.of(
                "quick", Map.of("epochs", 30, "updateInterval", 20),
                "default", Map.of("epochs", 35),
                "paper", Map.of("epochs", 74)));
    }

    @Override
    public LatentLearner create(Params params) {
        return new IdecExample(params);
    }
}
