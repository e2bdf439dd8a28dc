package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dclust.framework.Dclust;
import org.dclust.framework.run.RunRecord;
import org.dclust.framework.run.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The proximity refiner composes with learners with a decoder (ae) and is recorded like any other:
 * its epoch values and the drift series in the record, and the diagnostics of every run (featureTwist,
 * label-free, among the internal indices; neighbourPurity, label-based, among the metrics).
 */
class ProximityPipelineTest {
    @Test
    void aeThenProximityRecordsItsEventsAndTheDiagnostics() {
        try (RunResult r = Dclust.pipeline().dataset("synthetic", Map.of("shape", "moons", "samples", 200, "noise", 0.05))
                .learner("ae", Map.of("pretrainEpochs", 3)).backbone("mlp", Map.of("hidden", "32", "latentDim", 4))
                .refiner("proximity", Map.of("epochs", 3, "fadeEpochs", 2, "graphInterval", 1, "batchSize", 50)).seed(2).fit()) {
            RunRecord rec = r.record();
            assertThat(rec.metrics()).containsKeys("acc", "nmi", "neighbourPurity");
            assertThat(rec.metrics().get("neighbourPurity")).isBetween(0.5, 1.0);
            assertThat(rec.internal()).containsKeys("silhouette", "featureTwist");
            assertThat(rec.times().epochs().get("proximity")).hasSize(3)
                    .allMatch(e -> e.values().keySet().containsAll(java.util.List.of("loss", "kept", "mutual", "drift", "clustersUsed")));
            assertThat(rec.times().series().get("proximity.knnDrift")).hasSize(200);
            // the pretraining is phase 1's, proximity the refiner's (results.md's phase-1 time reads this)
            assertThat(rec.times().secondsPerEpoch()).containsKeys("pretrain", "proximity");
            assertThat(rec.times().refinerPhases()).containsExactly("proximity");
            assertThat(r.assignments()).hasSize(200);
        }
    }

    /**
     * {@code --select-epoch} reaches proximity: each epoch is scored on the k-means of its codes, the
     * kept epoch is the one whose reported silhouette is best, and the run records it (before, proximity
     * declared no partition and silently kept its final epoch).
     */
    @Test
    void aLabelFreeEpochSelectionKeepsProximitysBestEpoch() {
        try (RunResult r = Dclust.pipeline().dataset("synthetic", Map.of("shape", "moons", "samples", 200, "noise", 0.05))
                .learner("ae", Map.of("pretrainEpochs", 3)).backbone("mlp", Map.of("hidden", "32", "latentDim", 4))
                .refiner("proximity", Map.of("epochs", 4, "fadeEpochs", 2, "graphInterval", 1, "batchSize", 50)).selectEpoch("silhouette")
                .seed(2).fit()) {
            var kept = r.record().keptEpochs().get("proximity");
            assertThat(kept).isNotNull();
            assertThat(kept.by()).isEqualTo("silhouette");
            assertThat(kept.epochs()).isEqualTo(4);
            var lines = r.record().times().epochs().get("proximity");
            int best = 0;
            for (int e = 1; e < lines.size(); e++) {
                if (lines.get(e).values().get("silhouette") > lines.get(best).values().get("silhouette")) {
                    best = e;
                }
            }
            assertThat(kept.epoch()).isEqualTo(best + 1);
            assertThat(kept.score()).isEqualTo(lines.get(best).values().get("silhouette"));
        }
    }

    /** A run without labels has no label-based metric; the label-free diagnostics remain. */
    @Test
    void withoutLabelsOnlyTheLabelFreeDiagnostics() {
        float[][] points = new float[60][];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < points.length; i++) {
            points[i] = new float[] {(float) rnd.nextGaussian() + (i % 2) * 6, (float) rnd.nextGaussian()};
        }
        try (RunResult r = Dclust.pipeline().data(points, null).learner("ae", Map.of("pretrainEpochs", 2))
                .backbone("mlp", Map.of("hidden", "8", "latentDim", 2)).refiner("proximity", Map.of("epochs", 1)).clusters(2).seed(1).fit()) {
            assertThat(r.record().metrics()).isEmpty();
            assertThat(r.record().internal()).containsKey("featureTwist");
        }
    }
}
