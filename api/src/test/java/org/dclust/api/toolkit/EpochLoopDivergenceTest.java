package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.TrainingContext;
import org.dclust.api.train.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diverged phase stops the loop at once, naming the phase and the epoch, and never reaches a
 * checkpoint: the last checkpoint keeps the last finite state.
 */
class EpochLoopDivergenceTest {
    private static final int EPOCHS = 4;
    private static final int SAMPLES = 30;
    private static final int BATCH = 10;

    /** What a toy phase does in its 0-based {@code epoch}, batch {@code batch}: adds to the parameter, returns the loss. */
    private interface Toy {
        double step(NDArray param, int epoch, int batch);
    }

    private static List<EpochReport> run(Path dir, NDManager m, NDArray param, Toy toy) {
        List<EpochReport> reports = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void epochEnded(EpochReport r) {
                reports.add(r);
            }
        };
        TrainingContext ctx = TrainingContext.builder(m).seed(7).checkpointDir(dir).checkpointSeconds(0).events(sink).build();
        EpochLoop.State state = new EpochLoop.State() {
            @Override
            public Map<String, NDArray> arrays() {
                return Map.of("param", param, "counts", m.create(new long[] {1, 2}));
            }

            @Override
            public void restore(Checkpoints.Checkpoint checkpoint) {
                InPlace.copy(checkpoint.arrays().get("param"), param);
            }
        };
        int[] batch = {0};
        int[] epoch = {0};
        EpochLoop.run("toy", EPOCHS, SAMPLES, BATCH, ctx, m, state, (scope, idx) -> toy.step(param, epoch[0], batch[0]++ % 3),
                done -> {
                    epoch[0] = done;
                    return Map.of();
                });
        return reports;
    }

    @Test
    void aNonFiniteBatchLossStopsThePhaseInThatEpoch(@TempDir Path tmp) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.zeros(new Shape(2));
            // epochs 1 and 2 fine, the second batch of epoch 3 returns an infinite loss
            Toy toy = (param, epoch, batch) -> epoch == 2 && batch == 1 ? Double.POSITIVE_INFINITY : 1.0;
            assertThatThrownBy(() -> run(tmp, m, p, toy)).isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                assertThat(e.phase()).isEqualTo("toy");
                assertThat(e.epoch()).isEqualTo(3);
                assertThat(e.getMessage()).isEqualTo("toy: the training diverged in epoch 3 of 4: the loss of a batch is Infinity. "
                        + "Nothing was saved as a result; " + TrainingDivergedException.GENERIC_ADVICE);
            });
            assertThat(Checkpoints.load(tmp, "toy", m).orElseThrow().epochsDone()).isEqualTo(2);
        }
    }

    @Test
    void aNaNLossStopsThePhaseToo(@TempDir Path tmp) {
        try (NDManager m = NDManager.newBaseManager()) {
            Toy toy = (param, epoch, batch) -> epoch == 0 && batch == 2 ? Double.NaN : 0.5;
            assertThatThrownBy(() -> run(tmp, m, m.zeros(new Shape(2)), toy)).isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith("toy: the training diverged in epoch 1 of 4: the loss of a batch is NaN.");
            assertThat(Checkpoints.load(tmp, "toy", m)).isEmpty();
        }
    }

    @Test
    void aNonFiniteParameterBehindAFiniteLossStopsThePhaseBeforeItsCheckpoint(@TempDir Path tmp) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.zeros(new Shape(2));
            // the loss stays finite; the last batch of epoch 2 writes NaN into the parameter
            Toy toy = (param, epoch, batch) -> {
                if (epoch == 1 && batch == 2) {
                    param.set(new ai.djl.ndarray.index.NDIndex("1"), Float.NaN);
                } else {
                    param.addi(1f);
                }
                return 0.25;
            };
            assertThatThrownBy(() -> run(tmp, m, p, toy)).isInstanceOf(TrainingDivergedException.class)
                    .hasMessageStartingWith("toy: the training diverged in epoch 2 of 4: its parameters hold NaN or infinite values.");
            float[] saved = Checkpoints.load(tmp, "toy", m).orElseThrow().arrays().get("param").toFloatArray();
            assertThat(Checkpoints.load(tmp, "toy", m).orElseThrow().epochsDone()).isEqualTo(1);
            assertThat(saved).containsExactly(3f, 3f);
        }
    }

    @Test
    void aFiniteRunIsUntouchedByTheChecks(@TempDir Path tmp) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray p = m.zeros(new Shape(2));
            List<EpochReport> reports = run(tmp, m, p, (param, epoch, batch) -> {
                param.addi(1f);
                return epoch + 1;
            });
            assertThat(reports).extracting(r -> r.values().get("loss")).containsExactly(1.0, 2.0, 3.0, 4.0);
            assertThat(p.toFloatArray()).containsExactly(12f, 12f);
        }
    }
}
