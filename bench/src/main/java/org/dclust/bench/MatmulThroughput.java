package org.dclust.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What this machine's engine can do: the single-precision matrix-multiply throughput through DJL and
 * libtorch at the process's thread count, measured on products of the shapes the MLP phases run (a
 * batch of 256 through the 500 x 2000 layer) and on a large square product (the best case of the BLAS),
 * and the processor's nominal peak read from {@code /proc/cpuinfo}. {@code dclust bench} states each
 * phase's achieved matrix-product rate as a fraction of both.
 */
public record MatmulThroughput(double squareGflops, double layerGflops, int threads, double mhz, int flopsPerCycle) {
    /** Side of the square product. */
    static final int SQUARE = 1024;

    /** Measures both products: median over {@code rounds} of {@code reps} products each, after a warm-up. */
    static MatmulThroughput measure(int threads, int rounds) {
        double square;
        double layer;
        try (NDManager m = NDManager.newBaseManager()) {
            square = gflops(m, SQUARE, SQUARE, SQUARE, rounds);
            layer = gflops(m, 256, 500, 2000, rounds);
        }
        return new MatmulThroughput(square, layer, threads, cpuMhz().orElse(Double.NaN), cpuFlopsPerCycle());
    }

    /** GFLOP/s of (rows x inner) times (inner x cols), 2 rows inner cols FLOPs a product. */
    private static double gflops(NDManager m, int rows, int inner, int cols, int rounds) {
        NDArray a = m.randomUniform(-1, 1, new Shape(rows, inner));
        NDArray b = m.randomUniform(-1, 1, new Shape(inner, cols));
        double flops = 2.0 * rows * inner * cols;
        int reps = (int) Math.max(3, Math.min(200, 4e9 / flops)); // about 4 GFLOP a round
        for (int i = 0; i < reps; i++) {
            try (NDArray c = a.matMul(b)) {
                c.toFloatArray(); // waits for the product (and is what a training step pays too)
            }
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
            }
            rates.add(reps * flops / ((System.nanoTime() - t0) / 1e9) / 1e9);
        }
        return PhaseTiming.median(rates);
    }

    /**
     * The nominal single-precision peak of the cores used, in GFLOP/s: threads x clock x FLOPs per
     * cycle; NaN when the clock is unknown. 32 FLOPs a cycle is two 256-bit FMA units (AVX2 + FMA, as
     * on Zen 3 or Haswell and later: 16 FMAs a cycle), 64 two 512-bit ones (AVX-512 on Zen 5); the
     * count used is stated by {@link #flopsPerCycle()} and a reader can rescale.
     */
    public double peakGflops() {
        return threads * mhz / 1e3 * flopsPerCycle;
    }

    /** The markdown lines of the measurement. */
    String markdown() {
        return String.format(Locale.ROOT, "Matrix products through the engine at %d libtorch thread(s): %.1f GFLOP/s (%dx%d square), "
                + "%.1f GFLOP/s (256 x 500 x 2000, an MLP layer at batch 256); nominal peak %.1f GFLOP/s (%d thread(s) x %.0f MHz x %d "
                + "FLOPs a cycle).%n", threads, squareGflops, SQUARE, SQUARE, layerGflops, peakGflops(), threads, mhz, flopsPerCycle);
    }

    /** The first "cpu MHz" of /proc/cpuinfo, if there is one. */
    static OptionalDouble cpuMhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) {
                    return OptionalDouble.of(Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /** Single-precision FLOPs a cycle a core can retire, by the flags of /proc/cpuinfo ({@link #flopsPerCycle(List)}). */
    static int cpuFlopsPerCycle() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return flopsPerCycle(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 32;
        }
        return 32;
    }

    /**
     * Single-precision FLOPs a cycle for a processor with these flags: 64 with AVX-512 (two 512-bit FMA
     * units, as on AMD Zen 5 and Intel's server cores; an upper bound where 512-bit operations are split
     * in two, as on Zen 4, which retire 32), 32 with AVX2 and FMA, 16 with AVX, 8 otherwise.
     */
    static int flopsPerCycle(List<String> flags) {
        if (flags.contains("avx512f")) {
            return 64;
        }
        return flags.contains("avx2") && flags.contains("fma") ? 32 : flags.contains("avx") ? 16 : 8;
    }
}
