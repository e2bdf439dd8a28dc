package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.MlpBackboneProvider;

/** Test helpers: a small mlp backbone, one learner fit in a fresh manager, labels by the learner's own assignment. */
final class Fits {
    private Fits() {
    }

    static Backbone mlp(String hidden, int latentDim) {
        MlpBackboneProvider bp = new MlpBackboneProvider();
        return bp.create(Params.resolve("mlp", bp.parameters(), Map.of("hidden", hidden, "latentDim", latentDim)));
    }

    /** The {@code resnet} backbone with 2 stages of one block, {@code width} channels first: a network for tiny images. */
    static Backbone resnet(int width) {
        org.dclust.phase1.backbone.ResNetBackboneProvider p = new org.dclust.phase1.backbone.ResNetBackboneProvider();
        return p.create(Params.resolve(p.name(), p.parameters(), Map.of("width", width, "stages", 2, "blocks", 1)));
    }

    /**
     * A context with seed 1 and {@code k} clusters on {@code backbone} that checkpoints every epoch into
     * {@code checkpoints} (none when null), adds each epoch's report to {@code reports} and is cancelled
     * once {@code stopAfter} batches are done, when positive.
     */
    static TrainingContext interruptible(NDManager m, int k, Backbone backbone, Path checkpoints, int stopAfter,
            java.util.List<org.dclust.api.train.EpochReport> reports) {
        java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
        EventSink sink = new EventSink() {
            @Override
            public void batchDone(String phase) {
                batches.incrementAndGet();
            }

            @Override
            public void epochEnded(org.dclust.api.train.EpochReport r) {
                reports.add(r);
            }
        };
        return TrainingContext.builder(m).seed(1).clusters(k).backbone(backbone).checkpointDir(checkpoints).checkpointSeconds(0)
                .events(sink).cancelled(() -> stopAfter > 0 && batches.get() >= stopAfter).build();
    }

    /** Fits the provider's learner with the given settings and returns each sample's label by its own assignment. */
    static int[] labels(LearnerProvider lp, Map<String, ?> settings, Dataset data, Backbone backbone, long seed,
            Path checkpoints, Path cache) {
        return labels(lp, settings, data, backbone, seed, checkpoints, cache, EventSink.NONE);
    }

    /** As above, reporting to {@code events}. */
    static int[] labels(LearnerProvider lp, Map<String, ?> settings, Dataset data, Backbone backbone, long seed,
            Path checkpoints, Path cache, EventSink events) {
        Params p = Params.resolve(lp.name(), lp.parameters(), settings);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(seed).clusters(data.numClasses()).backbone(backbone)
                    .checkpointDir(checkpoints).checkpointSeconds(0).cacheDir(cache).events(events).build();
            try (LatentModel lm = lp.create(p).fit(data, ctx)) {
                assertShapes(lm, data);
                return predict(lm, data);
            }
        }
    }

    /**
     * The number of arrays the run's managers hold at the end of each epoch of the learner's own phase
     * (a per-batch leak would add one or more per batch).
     */
    static java.util.List<Integer> arrayCounts(LearnerProvider lp, Map<String, ?> settings, Dataset data, Backbone backbone, Path cache) {
        Params p = Params.resolve(lp.name(), lp.parameters(), settings);
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            EventSink sink = new EventSink() {
                @Override
                public void epochEnded(org.dclust.api.train.EpochReport r) {
                    if (r.phase().equals(lp.name())) {
                        counts.add(m.getManagedArrays().size());
                    }
                }
            };
            TrainingContext ctx = TrainingContext.builder(m).seed(1).clusters(data.numClasses()).backbone(backbone)
                    .cacheDir(cache).events(sink).build();
            lp.create(p).fit(data, ctx).close();
        }
        return counts;
    }

    private static void assertShapes(LatentModel lm, Dataset data) {
        if (lm.clusters() != data.numClasses() || lm.centres()[0].length != lm.network().latentDim()) {
            throw new AssertionError("unexpected centres " + lm.clusters() + " x " + lm.centres()[0].length);
        }
    }

    /** Argmax of the model's own soft assignment for every sample. */
    static int[] predict(LatentModel lm, Dataset data) {
        int n = data.size();
        int[] out = new int[n];
        try (NDManager s = lm.network().manager().newSubManager()) {
            NDArray z = lm.network().encode(data.range(s, 0, n), false);
            long[] am = lm.assignment().probabilities(z, lm.centres(s)).argMax(1).toLongArray();
            for (int i = 0; i < n; i++) {
                out[i] = (int) am[i];
            }
        }
        return out;
    }

    /** Every array of the model's network (parameters and running statistics), flattened in order: to compare two fits bit for bit. */
    static float[] weights(LatentModel lm) {
        java.util.List<float[]> parts = new java.util.ArrayList<>();
        int size = 0;
        for (NDArray a : lm.network().state().values()) {
            float[] v = a.toFloatArray();
            parts.add(v);
            size += v.length;
        }
        float[] out = new float[size];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }
}
