package org.dclust.refiners.proximity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Refiner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.PretrainedStart;

/** Registers the {@code proximity} refiner ({@link ProximityRefiner}): R-DC's proximity-level self-supervision. */
public final class ProximityRefinerProvider implements RefinerProvider {
    static final String NAME = "proximity";

    /** R-DC (arXiv 2503.03733): only its abstract and a summary could be read. */
    public static final Citation RDC = new Citation("Shaheen, Mrabah, Ksantini, Alqaddoumi",
            "Rethinking Deep Clustering Paradigms: Self-Supervision Is All You Need", 2025, "arXiv preprint", "2503.03733");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("rdc-proximity");
    }

    @Override
    public String title() {
        return "proximity-level self-supervision: codes pulled to filtered nearest-neighbour centroids, then k-means (R-DC phase 2)";
    }

    @Override
    public String description() {
        return "Fine-tunes the learner's encoder without pseudo-labels: an exact kNN graph of the codes (rebuilt every graphInterval "
                + "epochs), a dual filter (mutual-neighbour links; samples with at least minTrusted of them), each reliable code "
                + "pulled to the mean code of its trusted neighbours while the reconstruction (with a decoder) fades out over "
                + "fadeEpochs; k-means on the refined codes. The R-DC paper's method section could not be read and no code was "
                + "released: the loss, the filter rules, M, the schedule and every default here are OURS, not the paper's. "
                + "Presets (all ours): quick = 6 epochs (fade 3); default = 20 epochs (fade 10, graph every 2) sized for the "
                + "60-minute budget, see the README's speed section; paper = ours too (the paper's settings are unknown): 50 "
                + "epochs, fade 25, graph every 5.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(RDC);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("epochs", 20, 0, 1_000_000, "refinement epochs (ours)"),
                ParamSpec.integer("batchSize", 256, 1, 1_000_000, "mini-batch size (ours)"),
                ParamSpec.real("lr", 1e-4, 1e-8, 1.0, "Adam learning rate of the encoder, and of the decoder while it reconstructs (ours)"),
                ParamSpec.integer("neighbours", 10, 1, 10_000, "M, the nearest neighbours of each code in the kNN graph (ours; the paper's M is unknown)"),
                ParamSpec.integer("graphInterval", 2, 1, 1_000_000, "the kNN graph and the targets are rebuilt after every this many epochs (ours)"),
                ParamSpec.choice("links", "mutual", DualFilter.Links.names(),
                        "which kNN links are trusted: mutual neighbours, or all (no link filter) (ours)"),
                ParamSpec.integer("minTrusted", 3, 0, 10_000, "a sample is reliable with at least this many trusted links, and at least one (ours)"),
                ParamSpec.integer("fadeEpochs", 10, 0, 1_000_000,
                        "epochs over which the reconstruction's weight falls linearly to 0 and the pull's rises to 1; 0: the pull alone (ours)"),
                ParamSpec.real("reconstructionWeight", 1.0, 0.0, 1e6,
                        "w: the reconstruction term against the pull, both divided by their starting values (ours)"),
                ParamSpec.integer("hops", 1, 1, 1000, "target = centroid of the trusted neighbours' targets, this many times (1: of their codes) (ours)"),
                ParamSpec.integer("kmeansRestarts", PretrainedStart.RESTARTS, 1, 1000, "k-means restarts on the refined codes (the lowest inertia is kept)"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("epochs", 6, "fadeEpochs", 3, "graphInterval", 2),
                "default", Map.of("epochs", 20, "fadeEpochs", 10, "graphInterval", 2),
                "paper", Map.of("epochs", 50, "fadeEpochs", 25, "graphInterval", 5));
    }

    /** minTrusted &lt;= neighbours, checked when the configuration is resolved. */
    @Override
    public List<String> validate(Params params) {
        return ProximityRefiner.Settings.problems(params.getInt("neighbours"), params.getInt("minTrusted"));
    }

    /** More samples than neighbours (the kNN graph needs M others per sample), checked before anything trains. */
    @Override
    public List<String> validate(Params params, Dataset data) {
        return ProximityRefiner.Settings.problems(params.getInt("neighbours"), data);
    }

    /** It trains the encoder it is given and nothing else. */
    @Override
    public boolean trainsEncoder(Params params) {
        return params.getInt("epochs") > 0;
    }

    @Override
    public Refiner create(Params params) {
        return new ProximityRefiner(ProximityRefiner.Settings.from(params));
    }
}
