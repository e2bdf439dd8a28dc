package org.dclust.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dclust.api.toolkit.Atomic;

/**
 * A benchmark's outcome with what it ran on and the machine's matrix-product throughput; written as
 * bench.json, bench.csv and bench.md.
 */
public record BenchResult(String dataset, int samples, int clusters, int rounds, int warmUp, long seed, String threads, int load,
        Map<String, String> versions, MatmulThroughput throughput, List<PhaseTiming> phases) {

    /** The Markdown table (also what the command prints). */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "dclust bench: %s, %d samples, K = %d, %d interleaved rounds%s, seed %d, libtorch threads %s%s%n%n",
                dataset, samples, clusters, rounds, warmUp == 0 ? "" : " after " + warmUp + " warm-up round(s) not counted", seed, threads,
                load == 0 ? "" : ", contended by " + load + " busy thread(s)"));
        b.append(throughput.markdown()).append('\n');
        b.append("| phase | batch | rounds | dclust s/epoch (median) | bare DJL s/epoch (median) | ratio | goal ≤ ")
                .append(PhaseTiming.GOAL).append(" | dclust GFLOP/s | bare GFLOP/s | dclust / square matmul | dclust / nominal peak |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (PhaseTiming t : phases) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %s | %.1f | %.1f | %.0f%% | %.0f%% |%n", t.phase(),
                    t.batchSize(), t.countedRounds(), t.dclustMedian(), t.bareMedian(), t.ratio(),
                    t.ratio() <= PhaseTiming.GOAL ? "met" : "missed", t.dclustGflops(), t.bareGflops(),
                    100 * t.dclustGflops() / throughput.squareGflops(), 100 * t.dclustGflops() / throughput.peakGflops()));
        }
        b.append("\nGFLOP/s count the matrix products of the network only (a linear layer costs 2 in out FLOPs a sample forward, "
                + "three times that for a training step).\n");
        if (phases.stream().anyMatch(t -> t.phase().equals("dcss-agg"))) {
            b.append("\nAn epoch of dcss-agg is one pass (one update per batch); a DCSSu-equivalent epoch is K passes.\n");
        }
        return b.toString();
    }

    /** Writes bench.json, bench.csv and bench.md into {@code dir} (each atomically). */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("samples", samples);
        json.put("clusters", clusters);
        json.put("rounds", rounds);
        json.put("warmUpRounds", warmUp);
        json.put("seed", seed);
        json.put("threads", threads);
        json.put("load", load);
        json.put("versions", versions);
        json.put("goal", PhaseTiming.GOAL);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("threads", throughput.threads());
        machine.put("squareMatmulGflops", throughput.squareGflops());
        machine.put("layerMatmulGflops", throughput.layerGflops());
        machine.put("cpuMhz", throughput.mhz());
        machine.put("flopsPerCycle", throughput.flopsPerCycle());
        machine.put("nominalPeakGflops", throughput.peakGflops());
        json.put("matmul", machine);
        json.put("phases", phases.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", t.phase());
            m.put("batchSize", t.batchSize());
            m.put("dclustSeconds", t.dclustSeconds());
            m.put("bareSeconds", t.bareSeconds());
            m.put("dclustMedian", t.dclustMedian());
            m.put("bareMedian", t.bareMedian());
            m.put("ratio", t.ratio());
            m.put("matmulFlops", t.matmulFlops());
            m.put("dclustGflops", t.dclustGflops());
            m.put("bareGflops", t.bareGflops());
            return m;
        }).toList());
        Atomic.writeString(dir.resolve("bench.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        StringBuilder csv = new StringBuilder("phase,batch,round,warm_up,dclust_seconds,bare_seconds,matmul_flops\n");
        for (PhaseTiming t : phases) {
            for (int i = 0; i < t.dclustSeconds().size(); i++) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%b,%.6f,%.6f,%.0f%n", t.phase(), t.batchSize(), i + 1, i < t.warmUp(),
                        t.dclustSeconds().get(i), t.bareSeconds().get(i), t.matmulFlops().get(i)));
            }
        }
        Atomic.writeString(dir.resolve("bench.csv"), csv.toString());
        Atomic.writeString(dir.resolve("bench.md"), markdown());
    }
}
