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
 * apart on a line, 400 points lifted into 20 dimensions), K = 4, DCSS's ζ = 0.8 and γ = 0.2, three
 * u-space epochs, batch 100, but MNet's learning rate ten times DCSS's (1e-2), so once q supervises
 * itself it can sharpen two neighbouring clusters into one. Over seeds 1..8 the unguarded MNet emptied a
 * cluster on 4 seeds (2, 3, 4, 8), on two of them (4, 8) a cluster that held more than a tenth of an
 * even share when the q space took over: there the guard stops at the first q-space epoch after which
 * argmax q lost it, and keeps the epoch before, which holds all four (measured: [18, 107, 140, 135] and
 * [96, 160, 131, 13] against [0, 135, 86, 179] and [157, 125, 118, 0] unguarded). Where nothing
 * collapses (seeds 1, 5, 6, 7) the guard never fires and the labels are those of the unguarded run.
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
        p.put("uEpochs", 3);
        p.put("batchSize", 100);
        p.put("lr", 1e-2);
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

    static int[] sizes(int[] labels) {
        int[] n = new int[K];
        for (int l : labels) {
            n[l]++;
        }
        return n;
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
        for (long seed : new long[] {4, 8}) {
            List<String> plainNotes = new ArrayList<>();
            int[] plain = labels(seed, collapsing(false, EPOCHS), null, 0, plainNotes);
            assertThat(used(plain)).as("seed %d unguarded", seed).isLessThan(K);
            assertThat(plainNotes).noneMatch(s -> s.contains("guard"));

            List<String> notes = new ArrayList<>();
            int[] guarded = labels(seed, collapsing(true, EPOCHS), null, 0, notes);
            assertThat(used(guarded)).as("seed %d guarded", seed).isEqualTo(K);
            // every cluster holds at least a tenth of an even share (400 / 4 / 10 samples), as at the kept epoch
            assertThat(java.util.Arrays.stream(sizes(guarded)).min().orElseThrow()).as("seed %d guarded: the smallest cluster", seed).isGreaterThanOrEqualTo(10);
            int kept = keptEpoch(notes);
            assertThat(kept).isBetween(1, EPOCHS - 1);
            // the guarded model is the unguarded one after the kept epoch: its state was put back, not retrained
            assertThat(guarded).as("seed %d: the state of epoch %d", seed, kept)
                    .containsExactly(labels(seed, collapsing(false, kept), null, 0, new ArrayList<>()));
        }
    }

    @Test
    void withGuardMinShareZeroAClusterCountsWhileItHoldsAnySample() {
        Map<String, Object> strict = collapsing(true, EPOCHS);
        strict.put("guardMinShare", 0.0);
        List<String> strictNotes = new ArrayList<>();
        int[] labels = labels(4, strict, null, 0, strictNotes);
        List<String> notes = new ArrayList<>();
        labels(4, collapsing(true, EPOCHS), null, 0, notes);
        // it still keeps all four, and stops no earlier than the default guard, which already stops when one falls below 10 samples
        assertThat(used(labels)).isEqualTo(K);
        assertThat(strictNotes).anyMatch(s -> s.contains("3 of 4 clusters hold at least 1 sample ("));
        assertThat(notes).anyMatch(s -> s.contains("clusters hold at least 10 samples"));
        assertThat(keptEpoch(strictNotes)).isGreaterThanOrEqualTo(keptEpoch(notes));
    }

    @Test
    void whereNothingCollapsesTheGuardNeverFires() {
        for (long seed : new long[] {1, 5}) {
            List<String> notes = new ArrayList<>();
            int[] guarded = labels(seed, collapsing(true, EPOCHS), null, 0, notes);
            assertThat(notes).noneMatch(s -> s.contains("guard"));
            assertThat(guarded).as("seed %d", seed).containsExactly(labels(seed, collapsing(false, EPOCHS), null, 0, new ArrayList<>()));
        }
    }

    @Test
    void aGuardedRunResumedAfterAStopEndsWithTheSameLabels(@TempDir Path tmp) {
        List<String> wholeNotes = new ArrayList<>();
        int[] whole = labels(4, collapsing(true, EPOCHS), tmp.resolve("a"), 0, wholeNotes);
        assertThat(wholeNotes).anyMatch(s -> s.contains("the guard stopped"));
        // 4 batches an epoch: stop in the sixth epoch, after the guard measured its reference and kept a state
        assertThatThrownBy(() -> labels(4, collapsing(true, EPOCHS), tmp.resolve("b"), 22, new ArrayList<>()))
                .isInstanceOf(CancelledException.class);
        List<String> notes = new ArrayList<>();
        assertThat(labels(4, collapsing(true, EPOCHS), tmp.resolve("b"), 0, notes)).containsExactly(whole);
        assertThat(notes).anyMatch(s -> s.startsWith("mnet: resumed from the checkpoint after epoch 5"));
        assertThat(notes).filteredOn(s -> s.contains("the guard stopped")).containsExactlyElementsOf(
                wholeNotes.stream().filter(s -> s.contains("the guard stopped")).toList());
    }
}
