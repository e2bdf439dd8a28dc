package org.dclust.api.toolkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.train.Adam;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named checkpoint state: what is saved comes back by name into a freshly built state (arrays,
 * optimizer moments and step count, scalars); a checkpoint of another layout, and one written by the
 * earlier positional format, are refused with one message that says to delete it.
 */
class TrainingStateTest {
    /** A phase's state: a weight trained by Adam, per-sample labels and three scalars. */
    private static final class Phase implements AutoCloseable {
        final NDManager m = NDManager.newBaseManager();
        final Parameter w;
        final Adam adam;
        final NDArray labels;
        long iterations;
        boolean converged;
        double changed = 1.0;
        final TrainingState state;

        Phase(int labelCount) {
            NDArray a = m.create(new float[] {1f, -2f, 0.5f});
            a.setRequiresGradient(true);
            w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(a).optRequiresGrad(true).build();
            adam = new Adam(List.of(w), m, 0.1);
            labels = m.zeros(new Shape(labelCount));
            state = new TrainingState().arrays("net", () -> Map.of("w", w.getArray())).optimizer("adam", adam).array("labels", labels)
                    .integer("iterations", () -> iterations, v -> iterations = v).flag("converged", () -> converged, v -> converged = v)
                    .real("changed", () -> changed, v -> changed = v);
        }

        /** Two Adam steps on f(w) = Σ w², and some progress. */
        void train() {
            for (int s = 0; s < 2; s++) {
                try (NDManager scope = m.newSubManager()) {
                    try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.getArray().square().sum());
                    }
                    adam.step(scope);
                }
            }
            labels.set(new float[] {2f, 0f, 1f, 1f});
            iterations = 42;
            converged = true;
            changed = 0.25;
        }

        @Override
        public void close() {
            adam.close();
            m.close();
        }
    }

    @Test
    void aCheckpointComesBackByName(@TempDir Path dir) {
        float[] trained;
        Map<String, NDArray> saved;
        try (Phase a = new Phase(4)) {
            a.train();
            trained = a.w.getArray().toFloatArray();
            saved = a.state.arrays();
            assertThat(saved.keySet()).containsExactly("net.w", "adam.m.0", "adam.v.0", "adam.steps", "labels");
            Checkpoints.save(dir, "toy", 3, saved, a.state.meta());
            Checkpoints.flush();
        }
        try (Phase b = new Phase(4)) {
            Checkpoints.Checkpoint ck = Checkpoints.load(dir, "toy", b.m).orElseThrow();
            assertThat(ck.epochsDone()).isEqualTo(3);
            b.state.restore(ck);
            assertThat(b.w.getArray().toFloatArray()).containsExactly(trained);
            assertThat(b.labels.toFloatArray()).containsExactly(2f, 0f, 1f, 1f);
            assertThat(b.adam.steps()).isEqualTo(2);
            assertThat(b.adam.state().get("m.0").toFloatArray()).isNotEqualTo(new float[3]);
            assertThat(b.iterations).isEqualTo(42);
            assertThat(b.converged).isTrue();
            assertThat(b.changed).isEqualTo(0.25);
        }
    }

    /** Java arrays (per-sample labels as longs, dual variables as floats) are saved as they are at the checkpoint and copied back in place. */
    @Test
    void javaArraysComeBackInPlace(@TempDir Path dir) {
        long[] labels = {3, 1, 4, 1, 5};
        float[] duals = {0.25f, 0f, 1.5f};
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingState a = new TrainingState().longs("labels", labels, m).floats("duals", duals, m);
            labels[4] = 9;
            duals[1] = -0.5f;
            Checkpoints.save(dir, "toy", 1, a.arrays(), a.meta());
            Checkpoints.flush();
            long[] otherLabels = new long[5];
            float[] otherDuals = new float[3];
            TrainingState b = new TrainingState().longs("labels", otherLabels, m).floats("duals", otherDuals, m);
            b.restore(Checkpoints.load(dir, "toy", m).orElseThrow());
            assertThat(otherLabels).containsExactly(3, 1, 4, 1, 9);
            assertThat(otherDuals).containsExactly(0.25f, -0.5f, 1.5f);
        }
    }

    @Test
    void aCheckpointOfAnotherLayoutIsRefusedWithOneMessage(@TempDir Path dir) {
        try (Phase a = new Phase(4)) {
            Checkpoints.save(dir, "toy", 1, a.state.arrays(), a.state.meta());
        }
        try (Phase wider = new Phase(5)) {
            Checkpoints.Checkpoint ck = Checkpoints.load(dir, "toy", wider.m).orElseThrow();
            assertThatThrownBy(() -> wider.state.restore(ck)).isInstanceOf(DclustException.class)
                    .hasMessageContaining("holds labels as float32 (4)").hasMessageContaining("delete it to start toy again");
        }
        try (Phase other = new Phase(4)) {
            other.state.array("centres", other.m.zeros(new Shape(2, 2)));
            Checkpoints.Checkpoint ck = Checkpoints.load(dir, "toy", other.m).orElseThrow();
            assertThatThrownBy(() -> other.state.restore(ck)).isInstanceOf(DclustException.class)
                    .hasMessageContaining("missing centres").hasMessageContaining(dir.resolve("toy").toString());
        }
    }

    @Test
    void aCheckpointOfThePositionalFormatIsRefused(@TempDir Path dir) throws Exception {
        // what dclust wrote before arrays had names: the arrays in order, and no names in meta.json
        Path p = Files.createDirectories(dir.resolve("toy"));
        try (NDManager m = NDManager.newBaseManager()) {
            Files.write(p.resolve("arrays.ndlist"), new NDList(m.create(new float[] {1f, 2f})).encode());
            Files.writeString(p.resolve("meta.json"), "{\"stop\":false,\"epochsDone\":2}");
            String message = "the checkpoint in " + p + " was written by an earlier dclust, which stored its arrays without names;"
                    + " this one restores them by name: delete it to start toy again";
            assertThatThrownBy(() -> Checkpoints.load(dir, "toy", m)).isInstanceOf(DclustException.class).hasMessage(message);
            // and a run that would resume from it is refused before it trains anything
            assertThatThrownBy(() -> TrainingContext.builder(m).checkpointDir(dir).build()).isInstanceOf(DclustException.class)
                    .hasMessage(message);
        }
    }
}
