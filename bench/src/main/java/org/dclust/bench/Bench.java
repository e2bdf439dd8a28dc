package org.dclust.bench;

import ai.djl.ndarray.NDManager;
import com.google.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.train.MklVendorCheck;
import org.dclust.framework.Dclust;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunResult;
import org.dclust.framework.run.Versions;

/**
 * The speed benchmark behind {@code dclust bench}: for each phase, one dclust run of it with an
 * {@link EpochInterleaver} that takes turns with the phase's {@link BareLoop}, on the same data in the
 * same process, at least {@code rounds} times each. dclust's side is the real pipeline (the data set
 * class, the epoch loop with its per-epoch checkpoint, events, its own optimizers); the bare side is
 * DJL alone.
 */
public final class Bench {
    private final PluginRegistry registry;

    @Inject
    public Bench(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * What to time: a data set (a registered name and its parameters), phases, rounds (timed), warm-up
     * rounds (run first, recorded, not counted: {@link PhaseTiming}), seed, K (null: the data set's
     * classes), and the number of busy threads that load the machine meanwhile (0: none; the contended
     * mode, {@link BusyLoad}).
     */
    public record Settings(String dataset, Map<String, Object> datasetParams, List<String> phases, int rounds, int warmUp, long seed,
            Integer clusters, int load) {
        public Settings {
            List<String> names = phases.stream().map(String::strip).toList();
            phases = names;
            List<String> twice = names.stream().filter(p -> Collections.frequency(names, p) > 1).distinct().toList();
            if (!twice.isEmpty()) {
                throw new DclustException("bench phase(s) " + twice + " given more than once; give each phase once (--rounds sets how often it is timed)");
            }
            List<String> unknown = phases.stream().filter(p -> !BenchPhase.ALL.contains(p)).toList();
            if (!unknown.isEmpty()) {
                throw new DclustException("unknown bench phase(s) " + unknown + "; known: " + String.join(", ", BenchPhase.ALL));
            }
            if (phases.isEmpty()) {
                throw new DclustException("no bench phase given; known: " + String.join(", ", BenchPhase.ALL));
            }
            if (load < 0) {
                throw new DclustException("--load must be 0 or more busy threads, got " + load);
            }
            if (warmUp < 0) {
                throw new DclustException("--warmup must be 0 or more rounds, got " + warmUp);
            }
            if (rounds < 1) {
                throw new DclustException("--rounds must be at least 1 (5 or more for a figure worth quoting), got " + rounds);
            }
        }
    }

    /** Runs the benchmark, {@code log} receiving one line per round; scratch output goes under {@code work}. */
    public BenchResult run(Settings s, Path work, Consumer<String> log) {
        DatasetProvider provider = registry.get(DatasetProvider.class, s.dataset());
        Dataset data = provider.load(Params.resolve(s.dataset(), provider.parameters(), s.datasetParams()));
        int k = PipelineRunner.clusters(s.clusters(), data);
        float[] values = new float[data.size() * data.featureSize()];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.sample(i), 0, values, i * data.featureSize(), data.featureSize());
        }
        List<PhaseTiming> timings = new ArrayList<>();
        BusyLoad busy = new BusyLoad(s.load());
        if (s.load() > 0) {
            log.accept("contended: " + s.load() + " busy thread(s) load the machine while the benchmark runs");
        }
        MatmulThroughput throughput = MatmulThroughput.measure(threadCount(), s.rounds());
        log.accept(throughput.markdown().strip());
        try {
            Files.createDirectories(work);
            for (String name : s.phases()) {
                BenchPhase phase = BenchPhase.of(name, s.warmUp() + s.rounds(), k);
                log.accept(name + ": " + (s.warmUp() == 0 ? "" : s.warmUp() + " warm-up + ") + s.rounds() + " rounds (" + phase.learner()
                        + " + " + phase.refiner() + ", batch " + phase.batchSize() + ")");
                try (NDManager manager = NDManager.newBaseManager();
                        BareLoop bare = phase.bare().create(manager, values, data.size(), k, s.seed(), data.sampleShape())) {
                    EpochInterleaver interleaver = new EpochInterleaver(phase.eventPhase(), bare, s.warmUp(), log);
                    try (RunResult ignored = Dclust.pipeline().registry(registry).data(data).backbone(phase.backbone(), phase.backboneParams())
                            .learner(phase.learner(), phase.learnerParams()).refiner(phase.refiner(), phase.refinerParams())
                            .clusters(k).seed(s.seed()).outputDirectory(work.resolve(name)).cacheDirectory(work.resolve("cache"))
                            .plots(false, false).listener(interleaver).fit()) {
                        timings.add(new PhaseTiming(name, phase.batchSize(), s.warmUp(), interleaver.dclustSeconds(), interleaver.bareSeconds(),
                                interleaver.matmulFlops()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            busy.close();
            try {
                Atomic.deleteTree(work);
            } catch (IOException e) {
                log.accept("could not delete the scratch directory " + work + ": " + e.getMessage());
            }
        }
        return new BenchResult(data.name(), data.size(), k, s.rounds(), s.warmUp(), s.seed(), threads(), s.load(), Versions.all(), throughput, timings);
    }

    /** libtorch's intra-op thread count: the property dclust sets, else libtorch's default of one per core. */
    static int threadCount() {
        String p = System.getProperty("ai.djl.pytorch.num_threads");
        try {
            return p == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * The thread count, the OpenMP wait settings (they decide the speed on a busy machine) and glibc's
     * malloc thresholds (they decide how often libtorch's temporaries fault in fresh pages) in force,
     * oneDNN's instruction-set cap, and whether MKL's vendor check is answered (both decide which kernels run).
     */
    static String threads() {
        StringBuilder b = new StringBuilder(System.getProperty("ai.djl.pytorch.num_threads",
                "libtorch default (" + Runtime.getRuntime().availableProcessors() + " cores)"));
        for (String v : new String[] {"OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES",
                "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
            if (System.getenv(v) != null) {
                b.append(", ").append(v).append('=').append(System.getenv(v));
            }
        }
        if (MklVendorCheck.answered()) {
            b.append(", MKL's vendor check answered");
        }
        return b.toString();
    }
}
