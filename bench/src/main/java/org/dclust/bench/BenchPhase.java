package org.dclust.bench;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;

/**
 * One phase {@code dclust bench} times: the pipeline that makes dclust run it (learner and refiner
 * with their parameters, set so that the phase runs {@code rounds} epochs from a briefly pretrained
 * autoencoder) and the bare loop of the same arithmetic. Batch sizes are the plugins' defaults.
 */
record BenchPhase(String name, String eventPhase, int batchSize, String backbone, Map<String, Object> backboneParams, String learner,
        Map<String, Object> learnerParams, String refiner, Map<String, Object> refinerParams, BareFactory bare) {

    /** A phase on the {@code mlp} backbone at its defaults (every phase but moco's and secu's). */
    BenchPhase(String name, String eventPhase, int batchSize, String learner, Map<String, Object> learnerParams, String refiner,
            Map<String, Object> refinerParams, BareFactory bare) {
        this(name, eventPhase, batchSize, "mlp", Map.of(), learner, learnerParams, refiner, refinerParams, bare);
    }

    /**
     * The resnet of moco's bench, given explicitly to both sides (a preset chosen by the data set could
     * otherwise give the run another network than the bare loop): its defaults, a ResNet-8 of width 8.
     */
    static final Map<String, Object> RESNET = Map.of("width", 8, "stages", 3, "blocks", 1);

    /** moco's queue in the bench. */
    static final int MOCO_QUEUE = 1024;
    /** moco's initial learning rate in the bench. */
    static final double MOCO_LR = 0.06;

    /**
     * moco's bench settings: its {@code default} preset's (batch 256, momentum 0.99, T 0.2, lr 0.06,
     * weight decay 1e-4) with a queue of 1,024 keys (the embedded data hold 3,000 images; a queue may
     * not exceed the data), on {@link #RESNET}.
     */
    static final Map<String, Object> MOCO = Map.of("batchSize", 256, "queue", MOCO_QUEUE, "keyMomentum", BareMoco.KEY_MOMENTUM,
            "temperature", (double) BareMoco.TEMPERATURE, "lr", MOCO_LR, "weightDecay", BareMoco.WEIGHT_DECAY, "bnSplits", BareMoco.SPLITS,
            "dim", BareMoco.DIM);

    /** Pretraining epochs before a clustering phase (enough for codes that are not all alike). */
    static final int WARM_UP = 2;

    /** Every phase, in the order of a run, or {@code null} for an unknown name. */
    static BenchPhase of(String name, int rounds, int k) {
        Map<String, Object> centroid = Map.of();
        switch (name) {
            case "pretrain":
                return new BenchPhase(name, "pretrain", 256, "ae", Map.of("pretrainEpochs", rounds), "centroid", centroid,
                        (m, v, n, kk, s, shape) -> new BarePretrain(m, v, n, kk, 256, s));
            case "acai":
                // R-DC's phase 1 from scratch at its defaults (batch 256, both Adams at 1e-3, lambda 0.5, gamma 0.2)
                return new BenchPhase(name, "acai", 256, "acai", Map.of("epochs", rounds), "centroid", centroid,
                        (m, v, n, kk, s, shape) -> new BareAcai(m, v, n, kk, 256, s));
            case "dcss":
                return new BenchPhase(name, "dcss", 256, "dcss", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s, shape) -> new BareDcss(m, v, n, kk, 256, s, false, rounds));
            case "dcss-agg":
                // one DCSSu-equivalent epoch is K passes; dclust reports each pass as an epoch
                return new BenchPhase(name, "dcss-agg", 256, "dcss-agg",
                        Map.of("pretrainEpochs", WARM_UP, "epochs", (rounds + k - 1) / k), "centroid", centroid,
                        (m, v, n, kk, s, shape) -> new BareDcss(m, v, n, kk, 256, s, true, rounds));
            case "dec":
            case "idec":
                boolean idec = name.equals("idec");
                return new BenchPhase(name, name, 256, name, Map.of("pretrainEpochs", WARM_UP, "epochs", rounds, "tol", 0.0),
                        "centroid", centroid, (m, v, n, kk, s, shape) -> new BareDec(m, v, n, kk, 256, s, idec));
            case "dcn":
                // DCN clusters at its own batch (clusteringBatchSize, the authors' 128)
                return new BenchPhase(name, "dcn", 128, "dcn", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s, shape) -> new BareDcn(m, v, n, kk, 128, s));
            case "dkm":
                return new BenchPhase(name, "dkm", 256, "dkm", Map.of("pretrainEpochs", WARM_UP, "epochs", rounds), "centroid",
                        centroid, (m, v, n, kk, s, shape) -> new BareDkm(m, v, n, kk, 256, s));
            case "mnet":
                int u = rounds / 2;
                return new BenchPhase(name, "mnet", 500, "ae", Map.of("pretrainEpochs", WARM_UP), "mnet",
                        Map.of("epochs", rounds, "uEpochs", u), (m, v, n, kk, s, shape) -> new BareMnet(m, v, n, kk, 500, s, u));
            case "proximity":
                // the refiner's defaults: the graph rebuilt every 2 epochs, the reconstruction fading over 10
                return new BenchPhase(name, "proximity", 256, "ae", Map.of("pretrainEpochs", WARM_UP), "proximity",
                        Map.of("epochs", rounds), (m, v, n, kk, s, shape) -> new BareProximity(m, v, n, kk, 256, s, 2, 10));
            case "moco":
                java.util.Map<String, Object> moco = new java.util.HashMap<>(MOCO);
                moco.put("epochs", rounds);
                return new BenchPhase(name, "moco", 256, "resnet", RESNET, "moco", moco, "centroid", centroid,
                        (m, v, n, kk, s, shape) -> new BareMoco(m, v, n, kk, 256, s, shape, RESNET, MOCO_QUEUE, MOCO_LR, rounds));
            case "secu":
                // its default preset's settings (batch 128, 3 heads, warm-up 3, dim 128) on the same resnet
                return new BenchPhase(name, "secu", 128, "resnet", RESNET, "secu", Map.of("epochs", rounds, "batchSize", 128,
                        "heads", BareSecu.HEADS, "warmupEpochs", BareSecu.WARM_UP, "dim", BareSecu.DIM, "lr", BareSecu.LR,
                        "centreLr", BareSecu.CENTRE_LR), "centroid", centroid,
                        (m, v, n, kk, s, shape) -> new BareSecu(m, v, n, kk, 128, s, shape, RESNET, rounds));
            default:
                return null;
        }
    }

    /** The names {@link #of} knows. */
    static final List<String> ALL = List.of("pretrain", "acai", "dcss", "dcss-agg", "dec", "idec", "dcn", "dkm", "mnet", "proximity", "moco", "secu");

    /** Builds a phase's bare loop on the data ({@code n} rows of {@code values}, each a sample of {@code shape}). */
    @FunctionalInterface
    interface BareFactory {
        BareLoop create(NDManager manager, float[] values, int n, int k, long seed, int[] shape);
    }
}
