package org.dclust.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic and its settings' checks. */
class PhaseTimingTest {
    @Test
    void ratioOfMediansOfOddAndEvenCounts() {
        PhaseTiming t = new PhaseTiming("pretrain", 256, 0, List.of(3.0, 1.0, 2.0, 10.0), List.of(2.0, 4.0, 1.0),
                List.of(6e9, 6e9, 6e9, 6e9));
        assertThat(t.dclustMedian()).isEqualTo(2.5);
        assertThat(t.bareMedian()).isEqualTo(2.0);
        assertThat(t.ratio()).isCloseTo(1.25, within(1e-12));
        // rates per round: dclust 2, 6, 3, 0.6 GFLOP/s (median 2.5); bare 3, 1.5, 6 (median 3; the 4th FLOP count has no bare round)
        assertThat(t.dclustGflops()).isCloseTo(2.5, within(1e-12));
        assertThat(t.bareGflops()).isCloseTo(3.0, within(1e-12));
    }

    /**
     * Warm-up rounds are kept in the record and left out of every median: with rounds 12, 3, 1, 2, 10
     * (dclust) and 5, 2, 4, 1, 3 (bare) and one warm-up, the medians are of 3, 1, 2, 10 (2.5) and 2, 4,
     * 1, 3 (2.5); counted from the first round they would be 3 and 3.
     */
    @Test
    void warmUpRoundsAreRecordedButNotCounted() {
        PhaseTiming t = new PhaseTiming("pretrain", 256, 1, List.of(12.0, 3.0, 1.0, 2.0, 10.0), List.of(5.0, 2.0, 4.0, 1.0, 3.0),
                List.of(60e9, 6e9, 6e9, 6e9, 6e9));
        assertThat(t.countedRounds()).isEqualTo(4);
        assertThat(t.dclustSeconds()).hasSize(5);
        assertThat(t.dclustMedian()).isEqualTo(2.5);
        assertThat(t.bareMedian()).isEqualTo(2.5);
        assertThat(t.ratio()).isEqualTo(1.0);
        // rates of the counted rounds: dclust 2, 6, 3, 0.6 (median 2.5); the warm-up's 5 GFLOP/s is not among them
        assertThat(t.dclustGflops()).isCloseTo(2.5, within(1e-12));
        assertThat(new PhaseTiming("pretrain", 256, 5, List.of(1.0), List.of(1.0), List.of(1.0)).countedRounds()).isZero();
    }

    /**
     * The FLOP count of the mlp autoencoder on 784 features: encoder 784*500 + 500*500 + 500*2000 +
     * 2000*10 = 1,662,000 multiply-accumulates a sample, the decoder as many; a training step is
     * 3 x 2 x 3,324,000 = 19,944,000 FLOPs a sample (the "about 20 MFLOP an image" of issue 14).
     */
    @Test
    void matmulFlopsFollowTheNetworkAndThePhasesSchedule() {
        int n = 1000;
        float[] x = new float[n * 784];
        double enc = 2 * 1_662_000.0;
        try (NDManager m = NDManager.newBaseManager();
                BareLoop pretrain = new BarePretrain(m, x, n, 10, 256, 1);
                BareLoop dcss = new BareDcss(m, x, n, 10, 256, 1, false, 4);
                BareLoop agg = new BareDcss(m, x, n, 10, 256, 1, true, 4);
                BareLoop dec = new BareDec(m, x, n, 10, 256, 1, false);
                BareLoop dcn = new BareDcn(m, x, n, 10, 256, 1);
                BareLoop acai = new BareAcai(m, x, n, 10, 256, 1)) {
            assertThat(pretrain.matmulFlops(0)).isEqualTo(n * 19_944_000.0);
            assertThat(agg.matmulFlops(0)).isEqualTo(n * 19_944_000.0);
            // DCSSu: one forward pass for the memberships and K = 10 steps a batch; the centres refreshed after epochs 1 and 3 of 4
            assertThat(dcss.matmulFlops(1)).isEqualTo(n * (enc + 10 * 19_944_000.0));
            assertThat(dcss.matmulFlops(0)).isEqualTo(n * (enc + 10 * 19_944_000.0) + n * enc);
            assertThat(dcss.matmulFlops(3)).isEqualTo(n * (enc + 10 * 19_944_000.0));
            // DEC trains the encoder only; 4 batches an epoch, target refreshed at iterations 0, 140, 280:
            // in epochs 0 (iterations 0-3) and 35 (140-143), not in 34 (136-139)
            assertThat(dec.matmulFlops(0)).isEqualTo(n * 3 * enc + n * enc);
            assertThat(dec.matmulFlops(34)).isEqualTo(n * 3 * enc);
            assertThat(dec.matmulFlops(35)).isEqualTo(n * 3 * enc + n * enc);
            // DCN: a training step and the codes again for the assignments
            assertThat(dcn.matmulFlops(2)).isEqualTo(n * (19_944_000.0 + enc));
            // ACAI: the autoencoder's step, the decoder again on the interpolants, and three training passes
            // of a critic of the encoder's shape (one in the autoencoder's step, two in its own)
            assertThat(acai.matmulFlops(0)).isEqualTo(n * (19_944_000.0 + 3 * enc + 3 * 3 * enc));
        }
    }

    /**
     * moco's count follows the shapes through the network: on a 1×4×4 image a 3×3 convolution 1→2
     * (288 multiply-accumulates: 9·1·2 per output pixel, 16 pixels), then a residual pair of branches,
     * a stride-2 3×3 convolution 2→4 (9·2·4 · 2·2 = 288) beside a stride-2 1×1 one (2·4 · 2·2 = 32),
     * then a linear layer 16→3 on the flattened 4×2×2 maps (48).
     */
    @Test
    void convolutionsAreCountedAtTheirOutputSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = new SequentialBlock()
                    .add(Conv2d.builder().setFilters(2).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build())
                    .add(new ParallelBlock(l -> new NDList(l.get(0).singletonOrThrow().add(l.get(1).singletonOrThrow())), List.of(
                            Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                                    .build(),
                            Conv2d.builder().setFilters(4).setKernelShape(new Shape(1, 1)).optStride(new Shape(2, 2)).build())))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(3).build());
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 4, 4));
            assertThat(BareMoco.macs(net, new Shape(1, 1, 4, 4))).isEqualTo(288 + 288 + 32 + 48);
        }
    }

    @Test
    void unknownPhasesAndTooFewRoundsAreUserErrors() {
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss", "vade"), 5, 1, 1, null, 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("vade").hasMessageContaining("dcss-agg");
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("acai", "dcss", "acai"), 5, 1, 1, null, 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("[acai] given more than once");
        assertThat(new Bench.Settings("fashion-mnist-small", Map.of(), List.of("acai", " proximity"), 5, 1, 1, null, 0).phases())
                .containsExactly("acai", "proximity");
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss"), 0, 1, 1, null, 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss"), 5, 1, 1, null, -1))
                .isInstanceOf(DclustException.class).hasMessageContaining("--load");
        assertThatThrownBy(() -> new Bench.Settings("fashion-mnist-small", Map.of(), List.of("dcss"), 5, -1, 1, null, 0))
                .isInstanceOf(DclustException.class).hasMessageContaining("--warmup");
    }

    @Test
    void everyPhaseHasAPipelineAndABareLoop() {
        for (String name : BenchPhase.ALL) {
            BenchPhase p = BenchPhase.of(name, 5, 10);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.bare()).isNotNull();
        }
        assertThat(BenchPhase.of("dcss-agg", 5, 10).learnerParams()).containsEntry("epochs", 1);
        assertThat(BenchPhase.of("vade", 5, 10)).isNull();
    }
}
