package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared epoch loop: an interrupted phase resumes from its last checkpoint to the same state as an
 * uninterrupted one, and checkpoints follow the time interval (always after the last epoch).
 */
class EpochLoopTest {
    private static final int EPOCHS = 4;
    private static final int SAMPLES = 30;
    private static final int BATCH = 10;

    /** A phase whose state sums the engine's random numbers and the batch indices it sees. */
    private static float[] run(Path dir, double interval, int stopAfterBatches, List<String> notes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray acc = m.zeros(new ai.djl.ndarray.types.Shape(3));
            AtomicInteger batches = new AtomicInteger();
            EventSink sink = new EventSink() {
                @Override
                public void batchDone(String phase) {
                    batches.incrementAndGet();
                }

                @Override
                public void info(String message) {
                    notes.add(message);
                }
            };
            TrainingContext ctx = TrainingContext.builder(m).seed(7).checkpointDir(dir).checkpointSeconds(interval).events(sink)
                    .cancelled(() -> stopAfterBatches > 0 && batches.get() >= stopAfterBatches).build();
            TrainingState state = new TrainingState().array("acc", acc);
            EpochLoop.run("toy", EPOCHS, SAMPLES, BATCH, ctx, m, state, (scope, idx) -> {
                NDArray r = scope.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(3));
                acc.addi(r.add(idx[0]));
                return 0;
            }, null);
            return acc.toFloatArray();
        }
    }

    @Test
    void anInterruptedPhaseResumesToTheUninterruptedState(@TempDir Path tmp) {
        float[] whole = run(tmp.resolve("a"), 0, 0, new ArrayList<>());
        // 3 batches an epoch: stop in the middle of the third epoch
        assertThatThrownBy(() -> run(tmp.resolve("b"), 0, 8, new ArrayList<>())).isInstanceOf(CancelledException.class);
        List<String> notes = new ArrayList<>();
        float[] resumed = run(tmp.resolve("b"), 0, 0, notes);
        assertThat(notes).contains("toy: resumed from the checkpoint after epoch 2");
        assertThat(resumed).containsExactly(whole);
    }

    @Test
    void aLongIntervalCheckpointsOnlyTheLastEpoch(@TempDir Path tmp) {
        assertThatThrownBy(() -> run(tmp.resolve("b"), 3600, 8, new ArrayList<>())).isInstanceOf(CancelledException.class);
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Checkpoints.load(tmp.resolve("b"), "toy", m)).isEmpty();
        }
        float[] whole = run(tmp.resolve("a"), 0, 0, new ArrayList<>());
        List<String> notes = new ArrayList<>();
        assertThat(run(tmp.resolve("b"), 3600, 0, notes)).containsExactly(whole);
        assertThat(notes).isEmpty();
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(Checkpoints.load(tmp.resolve("b"), "toy", m).orElseThrow().epochsDone()).isEqualTo(EPOCHS);
        }
    }

    /**
     * Full batches only (MoCo's drop_last): 25 samples at batch 10 train two batches of 10, the first
     * 20 of the same permutation the ordinary loop draws (which adds a batch of 5), and the epoch's
     * loss is the mean over the 20 samples trained on.
     */
    @Test
    void fullBatchesOnlyLeaveTheRemainderOutAndAverageOverWhatTrained() {
        List<int[]> full = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(7).build();
            for (boolean fullOnly : new boolean[] {true, false}) {
                List<int[]> seen = fullOnly ? full : all;
                var reports = EpochLoop.run("toy", 1, 25, 10, fullOnly, ctx, m, new TrainingState(), (scope, idx, epoch, batch) -> {
                    seen.add(idx);
                    return seen.size();
                }, null);
                losses.add(reports.get(0).values().get("loss"));
            }
        }
        assertThat(full).hasSize(2).allSatisfy(b -> assertThat(b).hasSize(10));
        assertThat(all).hasSize(3);
        assertThat(full.get(0)).containsExactly(all.get(0));
        assertThat(full.get(1)).containsExactly(all.get(1));
        assertThat(losses.get(0)).isEqualTo((1.0 * 10 + 2.0 * 10) / 20);
        assertThat(losses.get(1)).isEqualTo((1.0 * 10 + 2.0 * 10 + 3.0 * 5) / 25);
    }
}
