package org.dclust.bench;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * One phase {@code dclust bench} times: the pipeline that makes dclust run it (learner and refiner
 * with their parameters, set so that the phase runs {@code rounds} epochs from a briefly pretrained
 * autoencoder) and the bare loop of the same arithmetic. Batch sizes are the plugins' defaults.
 */
record BenchPhase(String name, String eventPhase, int batchSize, String learner, Map<String, Object> learnerParams,
        String refiner, Map<String, Object> refinerParams, BareFactory bare) {

    /** Pretraining epochs before a clustering phase (enough for codes that are not all alike). */
    static final int WARM_UP = 2;

    /** Every phase, in the order of a run, or {@code null} for an unknown name. */
    static BenchPhase of(String name, int rounds, int k) {
        Map<String, Object> centroid = Map.of();
        switch (name) {
            case "pretrain":
                return new BenchPhase(name, "pretrain", 256, "ae", Map.of("pretrainEpochs", rounds), "centroid", centroid,
                        (m, v, n, kk, s) -> new BarePretrain(m, v, n, kk, 256, s));
            case "dcss":
                return new BenchPhase(name, "dcss", 256, "dcss", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s) -> new BareDcss(m, v, n, kk, 256, s, false, rounds));
            case "dcss-agg":
                // one DCSSu-equivalent epoch is K passes; dclust reports each pass as an epoch
                return new BenchPhase(name, "dcss-agg", 256, "dcss-agg",
                        Map.of("pretrainEpochs", WARM_UP, "epochs", (rounds + k - 1) / k), "centroid", centroid,
                        (m, v, n, kk, s) -> new BareDcss(m, v, n, kk, 256, s, true, rounds));
            case "dec":
            case "idec":
                boolean idec = name.equals("idec");
                return new BenchPhase(name, name, 256, name, Map.of("pretrainEpochs", WARM_UP, "epochs", rounds, "tol", 0.0),
                        "centroid", centroid, (m, v, n, kk, s) -> new BareDec(m, v, n, kk, 256, s, idec));
            case "dcn":
                // DCN clusters at its own batch (clusteringBatchSize, the authors' 128)
                return new BenchPhase(name, "dcn", 128, "dcn", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s) -> new BareDcn(m, v, n, kk, 128, s));
            case "dkm":
                return new BenchPhase(name, "dkm", 256, "dkm", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s) -> new BareDkm(m, v, n, kk, 256, s));
            case "mnet":
                int u = rounds / 2;
                return new BenchPhase(name, "mnet", 500, "ae", Map.of("pretrainEpochs", WARM_UP), "mnet",
                        Map.of("epochs", rounds, "uEpochs", u), (m, v, n, kk, s) -> new BareMnet(m, v, n, kk, 500, s, u));
            case "proximity":
                // the refiner's defaults: the graph rebuilt every 2 epochs, the reconstruction fading over 10
                return new BenchPhase(name, "proximity", 256, "ae", Map.of("pretrainEpochs", WARM_UP), "proximity",
                        Map.of("epochs", rounds), (m, v, n, kk, s) -> new BareProximity(m, v, n, kk, 256, s, 2, 10));
            default:
                return null;
        }
    }

    /** The names {@link #of} knows. */
    static final List<String> ALL = List.of("pretrain", "dcss", "dcss-agg", "dec", "idec", "dcn", "dkm", "mnet", "proximity");

    /** Builds a phase's bare loop on the data ({@code n} rows of {@code values}). */
    @FunctionalInterface
    interface BareFactory {
        BareLoop create(NDManager manager, float[] values, int n, int k, long seed);
    }
}
