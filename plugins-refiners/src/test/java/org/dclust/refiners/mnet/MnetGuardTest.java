package org.dclust.refiners.mnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MNet's guard on a q space built to collapse: four overlapping blobs in the plane (sd 1, centres 3
 * apart on a line, 400 points lifted into 20 dimensions), K = 4, one u-space epoch, and ζ = 0.4, γ = 0.1
 * (DCSS: 0.8 and 0.2), so a pair whose q's overlap moderately already counts as similar and is pulled
 * together: neighbouring clusters merge once q supervises itself. Unguarded, MNet ends with 2 of the 4
 * clusters on these seeds; guarded, it stops at the first q-space epoch after which argmax q lost a
 * cluster and keeps the epoch before, which used all four.
 */
class MnetGuardTest {
    static final int K = 4;
    static final int EPOCHS = 30;

    static Dataset data(long seed) {
        int[] labels = new int[400];
        float[][] p = Fixtures.blobsOnALine(400, K, 3, labels, new Random(seed));
        return Fixtures.lift("blobs", p, labels, K, 20, 77);
    }

    static Map<String, Object> collapsing(boolean guard, int epochs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epochs", epochs);
        p.put("uEpochs", 1);
        p.put("batchSize", 100);
        p.put("zeta", 0.4);
        p.put("gamma", 0.1);
        p.put("guard", guard);
        return p;
    }

    /** MNet's labels on the seed's data after AE + k-means from the same seed; {@code notes} gets the run's info lines. */
    static int[] labels(long seed, Map<String, Object> mnet, Path checkpoints, int stopAfterBatches, List<String> notes) {
        Dataset data = data(seed);
        AtomicInteger batches = new AtomicInteger();
        EventSink sink = new EventSink() {
            @Override
            public void batchDone(String phase) {
                if (phase.equals(MnetRefiner.PHASE)) {
                    batches.incrementAndGet();
                }
            }

            @Override
            public void info(String message) {
                notes.add(message);
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(seed).clusters(K).backbone(Fixtures.backbone(4, "32")).events(sink)
                    .checkpointDir(checkpoints).checkpointSeconds(0)
                    .cancelled(() -> stopAfterBatches > 0 && batches.get() >= stopAfterBatches).build();
            LatentModel lm = Fixtures.aeKmeans(data, ctx, 10, 1e-3, 32);
            MnetRefinerProvider p = new MnetRefinerProvider();
            try (ClusterModel cm = p.create(Params.resolve("mnet", p.parameters(), mnet)).refine(lm, data, ctx)) {
                return cm.predict(data);
            }
        }
    }

    static int used(int[] labels) {
        boolean[] seen = new boolean[K];
        for (int l : labels) {
            seen[l] = true;
        }
        int n = 0;
        for (boolean b : seen) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The epoch the guard's note says it kept. */
    static int keptEpoch(List<String> notes) {
        String note = notes.stream().filter(s -> s.contains("the guard stopped")).findFirst().orElseThrow();
        String tail = note.substring(note.indexOf("kept the state of epoch ") + "kept the state of epoch ".length());
        return Integer.parseInt(tail.substring(0, tail.indexOf(',')));
    }

    @Test
    void unguardedTheQSpaceEmptiesClustersGuardedItKeepsAll() {
        for (long seed : new long[] {2, 3}) {
            List<String> plainNotes = new ArrayList<>();
            int[] plain = labels(seed, collapsing(false, EPOCHS), null, 0, plainNotes);
            assertThat(used(plain)).as("seed %d unguarded", seed).isLessThan(K);
            assertThat(plainNotes).noneMatch(s -> s.contains("guard"));

            List<String> notes = new ArrayList<>();
            int[] guarded = labels(seed, collapsing(true, EPOCHS), null, 0, notes);
            assertThat(used(guarded)).as("seed %d guarded", seed).isEqualTo(K);
            int kept = keptEpoch(notes);
            assertThat(kept).isBetween(1, EPOCHS - 1);
            // the guarded model is the unguarded one after the kept epoch: its state was put back, not retrained
            assertThat(guarded).as("seed %d: the state of epoch %d", seed, kept)
                    .containsExactly(labels(seed, collapsing(false, kept), null, 0, new ArrayList<>()));
        }
    }

    @Test
    void aGuardedRunResumedAfterAStopEndsWithTheSameLabels(@TempDir Path tmp) {
        int[] whole = labels(3, collapsing(true, EPOCHS), tmp.resolve("a"), 0, new ArrayList<>());
        // 4 batches an epoch: stop in the third epoch, after the guard measured its reference and kept a state
        assertThatThrownBy(() -> labels(3, collapsing(true, EPOCHS), tmp.resolve("b"), 10, new ArrayList<>()))
                .isInstanceOf(CancelledException.class);
        List<String> notes = new ArrayList<>();
        assertThat(labels(3, collapsing(true, EPOCHS), tmp.resolve("b"), 0, notes)).containsExactly(whole);
        assertThat(notes).anyMatch(s -> s.startsWith("mnet: resumed from the checkpoint after epoch 2"));
    }
}
