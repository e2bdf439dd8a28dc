package org.dclust.framework.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.dclust.api.spi.InternalIndexProvider;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EpochSelection;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.KeptEpoch;
import org.dclust.api.train.TrainingContext;
import org.dclust.framework.metrics.CalinskiHarabaszIndex;
import org.dclust.framework.metrics.DaviesBouldinIndex;
import org.dclust.framework.metrics.SilhouetteIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label-free epoch selection in the shared epoch loop: the epoch it keeps is the one a direct
 * computation of the index over every epoch's model picks, and the phase ends holding that epoch's
 * state.
 *
 * <p>The toy phase: three blobs in the plane (sd 1 around centres 6 apart); the model is one array
 * {@code w} (2 values) that every batch moves by a seeded random step, and its codes are
 * {@code x_i + w_0 * e_i + w_1 * (e_i)^2} for fixed noise e_i, clustered by the nearest of the three blob
 * centres. So the codes blur as |w| grows and the indices rise and fall over the epochs.
 */
class EpochSelectionTest {
    private static final int N = 90;
    private static final int EPOCHS = 12;
    private static final float[][] CENTRES = {{0, 0}, {6, 0}, {0, 6}};

    /** What one run of the toy phase saw. */
    private record Outcome(List<float[]> wByEpoch, float[] finalW, List<KeptEpoch> kept, List<Map<String, Double>> reported) {
    }

    private static float[][] points() {
        Random r = new Random(3);
        float[][] x = new float[N][];
        for (int i = 0; i < N; i++) {
            float[] c = CENTRES[i % 3];
            x[i] = new float[] {(float) (c[0] + r.nextGaussian()), (float) (c[1] + r.nextGaussian())};
        }
        return x;
    }

    private static float[][] noise() {
        Random r = new Random(4);
        float[][] e = new float[N][];
        for (int i = 0; i < N; i++) {
            e[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
        }
        return e;
    }

    /** The toy model's codes for a given w: the direct computation the test compares with. */
    static float[][] codes(float[] w, int[] indices) {
        float[][] x = points();
        float[][] e = noise();
        float[][] out = new float[indices.length][];
        for (int t = 0; t < indices.length; t++) {
            int i = indices[t];
            out[t] = new float[2];
            for (int j = 0; j < 2; j++) {
                out[t][j] = x[i][j] + w[0] * e[i][j] + w[1] * e[i][j] * e[i][j];
            }
        }
        return out;
    }

    private static int[] all() {
        int[] idx = new int[N];
        for (int i = 0; i < N; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private static Outcome run(EpochSelection selection, Path dir, int stopAfterBatches) {
        List<float[]> byEpoch = new ArrayList<>();
        List<KeptEpoch> kept = new ArrayList<>();
        List<Map<String, Double>> reported = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.zeros(new Shape(2));
            EventSink sink = new EventSink() {
                @Override
                public void batchDone(String phase) {
                    batches.incrementAndGet();
                }

                @Override
                public void epochKept(KeptEpoch k) {
                    kept.add(k);
                }

                @Override
                public void epochEnded(org.dclust.api.train.EpochReport r) {
                    reported.add(new LinkedHashMap<>(r.values()));
                }
            };
            TrainingContext ctx = TrainingContext.builder(m).seed(11).epochSelection(selection).checkpointDir(dir).checkpointSeconds(0)
                    .events(sink).cancelled(() -> stopAfterBatches > 0 && batches.get() >= stopAfterBatches).build();
            TrainingState state = new TrainingState().array("w", w).partition((scope, idx) -> {
                float[][] z = codes(w.toFloatArray(), idx);
                return new Partition.Result(z, KMeans.nearest(z, CENTRES));
            });
            EpochLoop.run("toy", EPOCHS, N, 30, ctx, m, state, (scope, idx) -> {
                NDArray step = scope.randomNormal(0, 0.6f, new Shape(2), ai.djl.ndarray.types.DataType.FLOAT32);
                w.addi(step);
                return 0;
            }, done -> {
                byEpoch.add(w.toFloatArray());
                return Map.of("spread", (double) Math.abs(w.toFloatArray()[0]));
            });
            return new Outcome(byEpoch, w.toFloatArray(), kept, reported);
        }
    }

    /** The epoch (1-based) whose model a direct computation of {@code index} on all samples finds best. */
    private static int directBest(List<float[]> wByEpoch, InternalIndexProvider index) {
        int best = -1;
        double bestScore = Double.NaN;
        for (int e = 0; e < wByEpoch.size(); e++) {
            float[][] z = codes(wByEpoch.get(e), all());
            double s = index.score(z, KMeans.nearest(z, CENTRES), 11);
            if (best < 0 || (index.higherIsBetter() ? s > bestScore : s < bestScore)) {
                best = e + 1;
                bestScore = s;
            }
        }
        return best;
    }

    @Test
    void keepsTheEpochADirectComputationOfEachIndexFindsBest() {
        for (InternalIndexProvider index : List.of(new SilhouetteIndex(), new CalinskiHarabaszIndex(), new DaviesBouldinIndex())) {
            Outcome plain = run(EpochSelection.FINAL, null, 0);
            int best = directBest(plain.wByEpoch(), index);
            assertThat(best).as("the toy must make an earlier epoch best for %s", index.name()).isLessThan(EPOCHS);

            Outcome selected = run(EpochSelection.byIndex(index), null, 0);
            assertThat(selected.wByEpoch()).as("selection does not change the training").usingRecursiveComparison()
                    .isEqualTo(plain.wByEpoch());
            assertThat(selected.kept()).singleElement().satisfies(k -> {
                assertThat(k.epoch()).as(index.name()).isEqualTo(best);
                assertThat(k.epochs()).isEqualTo(EPOCHS);
                assertThat(k.by()).isEqualTo(index.name());
            });
            assertThat(selected.finalW()).as("the phase ends with the kept epoch's state").containsExactly(plain.wByEpoch().get(best - 1));
            // the index is reported with every epoch, under its name
            assertThat(selected.reported().get(best - 1)).containsKey(index.name());
            assertThat(plain.kept()).isEmpty();
            assertThat(plain.finalW()).containsExactly(plain.wByEpoch().get(EPOCHS - 1));
        }
    }

    @Test
    void selectsByAReportedValueInEitherDirection() {
        Outcome plain = run(EpochSelection.FINAL, null, 0);
        int low = 0;
        int high = 0;
        for (int e = 1; e < EPOCHS; e++) {
            low = Math.abs(plain.wByEpoch().get(e)[0]) < Math.abs(plain.wByEpoch().get(low)[0]) ? e : low;
            high = Math.abs(plain.wByEpoch().get(e)[0]) > Math.abs(plain.wByEpoch().get(high)[0]) ? e : high;
        }
        assertThat(run(EpochSelection.byValue("spread", false), null, 0).kept().get(0).epoch()).isEqualTo(low + 1);
        Outcome max = run(EpochSelection.byValue("spread", true), null, 0);
        assertThat(max.kept().get(0).epoch()).isEqualTo(high + 1);
        assertThat(max.finalW()).containsExactly(plain.wByEpoch().get(high));
        // a value the phase does not report scores no epoch: the final one stays
        Outcome none = run(EpochSelection.byValue("participation", true), null, 0);
        assertThat(none.kept().get(0).epoch()).isEqualTo(EPOCHS);
        assertThat(none.kept().get(0).score()).isNaN();
        assertThat(none.finalW()).containsExactly(plain.wByEpoch().get(EPOCHS - 1));
    }

    @Test
    void aResumedPhaseKeepsTheSameEpochAsAnUninterruptedOne(@TempDir Path tmp) {
        EpochSelection silhouette = EpochSelection.byIndex(new SilhouetteIndex());
        Outcome whole = run(silhouette, tmp.resolve("a"), 0);
        int best = whole.kept().get(0).epoch();
        // 3 batches an epoch: stop during the epoch after the best one, and again near the end
        int stop = 3 * best + 2;
        assertThatThrownBy(() -> run(silhouette, tmp.resolve("b"), stop)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> run(silhouette, tmp.resolve("b"), 3 * (EPOCHS - best - 1) + 1)).isInstanceOf(CancelledException.class);
        Outcome resumed = run(silhouette, tmp.resolve("b"), 0);
        assertThat(resumed.kept()).singleElement().satisfies(k -> assertThat(k.epoch()).isEqualTo(best));
        assertThat(resumed.finalW()).containsExactly(whole.finalW());
        // a finished phase started again keeps the same epoch without training
        Outcome again = run(silhouette, tmp.resolve("b"), 0);
        assertThat(again.wByEpoch()).isEmpty();
        assertThat(again.kept().get(0).epoch()).isEqualTo(best);
        assertThat(again.finalW()).containsExactly(whole.finalW());
    }
}
