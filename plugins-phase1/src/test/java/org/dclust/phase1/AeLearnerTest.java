package org.dclust.phase1;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.MlpBackboneProvider;
import org.dclust.phase1.learner.AeLearnerProvider;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeLearnerTest {
    static Dataset blobs(int n, int d, int k, long seed) {
        return SyntheticData.blobs(n, d, k, seed);
    }

    static ClusterModel centroid(LatentModel lm) {
        return new ClusterModel(lm.network(), new CentroidHead(lm.network().manager(), lm.centres(), lm.assignment()), null, null);
    }

    @Test
    void pretrainingLowersLossAndResumeGivesSameLabels(@TempDir Path tmp) throws Exception {
        Dataset data = blobs(200, 20, 3, 1);
        MlpBackboneProvider bp = new MlpBackboneProvider();
        var backbone = bp.create(Params.resolve("mlp", bp.parameters(), Map.of("hidden", "32,32", "latentDim", 4)));
        AeLearnerProvider ap = new AeLearnerProvider();
        Params p = Params.resolve("ae", ap.parameters(), Map.of("pretrainEpochs", 6, "batchSize", 32));
        List<EpochReport> reports = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void epochEnded(EpochReport r) {
                reports.add(r);
            }
        };
        int[] full;
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(7).clusters(3).backbone(backbone).events(sink)
                    .checkpointDir(tmp.resolve("a")).checkpointSeconds(0).build();
            LatentModel lm = ap.create(p).fit(data, ctx);
            ClusterModel cm = centroid(lm);
            full = cm.predict(data);
            cm.save(tmp.resolve("model"));
            try (ClusterModel loaded = ClusterModel.load(tmp.resolve("model"))) {
                assertThat(loaded.predict(data)).containsExactly(full);
            }
        }
        assertThat(reports).hasSize(6);
        assertThat(reports.get(5).values().get("loss")).isLessThan(reports.get(0).values().get("loss") * 0.8);
        // interrupted after 3 epochs, then resumed: same labels
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(7).clusters(3).backbone(backbone)
                    .checkpointDir(tmp.resolve("b")).checkpointSeconds(0).build();
            ap.create(Params.resolve("ae", ap.parameters(), Map.of("pretrainEpochs", 3, "batchSize", 32))).fit(data, ctx).close();
            LatentModel lm = ap.create(p).fit(data, ctx);
            int[] resumed = centroid(lm).predict(data);
            assertThat(resumed).containsExactly(full);
        }
    }
}
