package org.dclust.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Where a pretraining step's time goes, by construction rather than by sampling: the bare pretraining
 * step ({@link BarePretrain}: the mlp autoencoder, D-500-500-2000-10 and its mirror, batch 256, mean
 * squared error) timed with four updates, in turns, on random data of the Fashion-MNIST width:
 * <ul>
 *   <li>{@code adam}: DJL's fused Adam update of every parameter (what dclust's pretraining runs);</li>
 *   <li>{@code sgd}: DJL's plain SGD update (w − lr·g, one pass over weights and gradients);</li>
 *   <li>{@code one pass}: a single in-place w += 0·g per parameter, the least any update costs;</li>
 *   <li>{@code none}: forward and backward alone (the gradients accumulate; their values do not change the cost).</li>
 * </ul>
 * The difference to {@code none} is the update's cost; {@code none} is the most any optimizer could
 * reach. {@code dclust bench --update-costs} runs it.
 */
final class PretrainStepParts extends BareAutoEncoder {
    private static final int BATCH = 256;
    private static final int FEATURES = 784;
    /** The updates timed, in the order of the turns. */
    static final List<String> UPDATES = List.of("adam", "sgd", "one pass", "none");
    private final List<Parameter> params = allParameters();
    private final Optimizer adam = adam(1e-3);
    private final Optimizer sgd = sgd(1e-3, 0);

    PretrainStepParts(NDManager parent, float[] values, int n) {
        super(parent, values, n, 10, BATCH, 1);
    }

    @Override
    double matmulFlops(int epoch) {
        return n * trainingFlops(encoder, decoder);
    }

    @Override
    void epoch(int epoch) {
        steps("adam");
    }

    /** One pass over the data with the named update (one of {@link #UPDATES}); returns seconds. */
    double steps(String update) {
        long t0 = System.nanoTime();
        for (long[] idx : shuffledBatches()) {
            try (NDManager scope = manager.newSubManager()) {
                reconstructionGradients(scope, idx);
                switch (update) {
                    case "adam" -> update(adam, params, scope);
                    case "sgd" -> update(sgd, params, scope);
                    case "one pass" -> {
                        for (Parameter p : params) {
                            p.getArray().addi(p.getArray().getGradient().mul(0f));
                        }
                    }
                    case "none" -> { }
                    default -> throw new IllegalArgumentException("no update " + update);
                }
                params.get(0).getArray().getFloat(0, 0); // waits for the step
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Times the four updates in turns ({@code rounds} rounds of {@code batches} steps each, after one
     * warm-up pass of each) on random data and returns the markdown table: median ms a step, the
     * update's ms (the difference to {@code none}), and the matrix products' rate against the engine's
     * layer-product rate and the nominal peak.
     */
    static String table(int rounds, int batches, MatmulThroughput engine) {
        int n = batches * BATCH;
        float[] values = new float[n * FEATURES];
        Random r = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextFloat();
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        try (NDManager m = NDManager.newBaseManager(); PretrainStepParts loop = new PretrainStepParts(m, values, n)) {
            double flopsPerStep = loop.matmulFlops(0) / batches;
            for (String k : UPDATES) {
                loop.steps(k);
                seconds.put(k, new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (String k : UPDATES) {
                    seconds.get(k).add(loop.steps(k) / batches);
                }
            }
            double none = PhaseTiming.median(seconds.get("none"));
            out.append(String.format(Locale.ROOT, "| update | ms a step (median of %d rounds of %d steps) | the update's ms | matrix-product GFLOP/s "
                    + "| of the layer product | of the nominal peak |%n|---|---|---|---|---|---|%n", rounds, batches));
            for (String k : UPDATES) {
                double s = PhaseTiming.median(seconds.get(k));
                double rate = flopsPerStep / s / 1e9;
                out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.1f | %.0f %% | %.0f %% |%n", k, s * 1e3, (s - none) * 1e3, rate,
                        100 * rate / engine.layerGflops(), 100 * rate / engine.peakGflops()));
            }
        }
        return out.toString();
    }
}
