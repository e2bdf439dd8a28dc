package org.dclust.framework.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.data.Preprocessing;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.train.EngineThreads;
import org.dclust.api.train.MklVendorCheck;
import org.dclust.api.train.EpochSelection;
import org.dclust.api.train.Finite;
import org.dclust.api.train.TrainingContext;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.framework.config.ConfigFiles;
import org.dclust.framework.config.ClusterCount;
import org.dclust.framework.config.PluginChoice;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.report.RunPlots;
import org.dclust.framework.select.AutoClusters;
import org.dclust.framework.select.KEstimate;

/**
 * Runs one pipeline: data set → learner (phase 1) → refiner (phase 2) → metrics. Phase-1 results are
 * cached (see {@link Phase1Cache}), so the same learner is not trained again for another refiner. With an output
 * directory it writes {@code run-settings.json} and {@code config.yaml} first (once the output
 * directory, K and the data have been checked), checkpoints under {@code checkpoints/} (so a run
 * started again on the same directory resumes), then {@code model/}, {@code assignments.csv} and
 * {@code result.json}, each atomically. A phase that diverges stops the run with a
 * {@link TrainingDivergedException} whose advice names the learning rates of the plugin that trained;
 * so does a model whose latent codes or probabilities are not finite. Nothing is saved as a result then.
 */
public final class PipelineRunner {
    private final Evaluation evaluation;
    private final Phase1Cache phase1Cache;

    @Inject
    public PipelineRunner(Evaluation evaluation, Phase1Cache phase1Cache) {
        this.evaluation = evaluation;
        this.phase1Cache = phase1Cache;
    }

    /** Loads the configured data set. */
    public Dataset load(ResolvedRun run) {
        return run.dataset().provider().load(run.dataset().params());
    }

    /** Runs the configured pipeline on the configured data set. */
    public RunResult run(ResolvedRun run, RunOptions options) {
        checkOutput(options);
        long t0 = System.nanoTime();
        Dataset data = load(run);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        return run(run, data, loadSeconds, options);
    }

    /**
     * Runs the configured pipeline on a data set the caller already holds. The output directory, K and
     * the data are checked, and the preprocessing fitted, before anything is written or trained.
     *
     * @throws TrainingDivergedException when a phase diverged (nothing is saved as a result)
     */
    public RunResult run(ResolvedRun run, Dataset data, double loadSeconds, RunOptions options) {
        RunConfig c = run.config();
        Instant started = Instant.now();
        checkOutput(options);
        boolean auto = c.clusters != null && c.clusters.isAuto();
        int k = auto ? autoRange(c.clusters, data) : clusters(requested(c), data);
        String kSource = kSource(c, data);
        EpochSelection selection = evaluation.epochSelection(c.selectEpoch);
        checkFinite(data);
        checkPlugins(run, data);
        Preprocessing pre = Preprocessing.fit(c.preprocessing, data);
        Dataset prepared = pre.apply(data);
        // learners and refiners never see a label: they get the data without them
        Dataset unlabelled = prepared.withoutLabels();
        Device device = DeviceChoice.resolve(c.device);
        PhaseRecorder recorder = new PhaseRecorder(options.events());
        recorder.info("device: " + (device.isGpu() ? "gpu " + device.getDeviceId() : device.getDeviceType())
                + (c.device.equalsIgnoreCase("auto") ? " (auto)" : "") + ", libtorch threads: " + EngineThreads.intraOp()
                + (MklVendorCheck.answered() ? ", MKL's vendor check answered" : ""));
        recorder.info(auto ? "K: " + kSource : "K = " + k + " from " + kSource);
        if (!selection.isFinal()) {
            recorder.info("epoch selection: each clustering phase keeps its epoch with " + selection.describe() + " (no labels)");
        }
        RunIdentity identity = identity(run, data, k, kSource, device);
        Path out = options.outDir();
        if (out != null) {
            checkSameRun(out, identity);
            RunSettings.of(options).write(out);
            write(out.resolve("config.yaml"), ConfigFiles.toYaml(c));
            write(out.resolve(STARTED), asJson(identity));
        }
        Backbone backbone = run.backbone().provider().create(run.backbone().params());
        Map<String, Double> wall = new LinkedHashMap<>();
        wall.put("load", loadSeconds);
        NDManager manager = NDManager.newBaseManager(device);
        // an estimate of K pretrains first; the learner then finds that pretraining in the cache or in the run's
        // checkpoint, and with neither (a library run without directories) in a cache of this run only
        Path runCache = auto && options.cacheDir() == null && out == null ? temporaryCache() : null;
        try {
            TrainingContext ctx = TrainingContext.builder(manager).seed(c.seed).clusters(k).backbone(backbone).events(recorder)
                    .checkpointDir(out == null ? null : out.resolve("checkpoints")).checkpointSeconds(options.checkpointSeconds())
                    .cacheDir(runCache != null ? runCache : options.cacheDir()).epochSelection(selection)
                    .cancelled(options.cancelled()).build();
            KEstimate estimate = null;
            if (auto) {
                long t0 = System.nanoTime();
                try {
                    estimate = AutoClusters.estimate(run.learner().provider(), run.learner().params(), unlabelled, ctx, c.clusters);
                } catch (TrainingDivergedException e) {
                    throw e.withAdvice(DivergenceAdvice.of("learner", run.learner(), e.phase(), c));
                }
                AutoClusters.report(estimate, data.size(), data.hasLabels() ? data.numClasses() : 0).forEach(recorder::info);
                k = estimate.k();
                ctx = ctx.withClusters(k);
                identity = identity.withClusters(k);
                wall.put("estimateK", (System.nanoTime() - t0) / 1e9);
            }
            long t1 = System.nanoTime();
            LatentModel latent;
            try {
                latent = phase1Cache.fitOrLoad(run, unlabelled, ctx, recorder, options.cacheDir(), manager);
            } catch (TrainingDivergedException e) {
                throw e.withAdvice(DivergenceAdvice.of("learner", run.learner(), e.phase(), c));
            }
            wall.put("phase1", (System.nanoTime() - t1) / 1e9);
            deleteQuietly(runCache);
            int[] sample = out != null && options.plots() && options.tsne() ? PlotSample.indices(data.size(), c.seed) : null;
            RunPlots.Scatter uMap = sample == null ? null : PlotSample.latent(latent, prepared, sample, c.seed);
            long t2 = System.nanoTime();
            recorder.refinerStarts();
            ClusterModel trained;
            try {
                trained = run.refiner().provider().create(run.refiner().params()).refine(latent, unlabelled, ctx);
            } catch (TrainingDivergedException e) {
                throw e.withAdvice(DivergenceAdvice.of("refiner", run.refiner(), e.phase(), c));
            }
            wall.put("phase2", (System.nanoTime() - t2) / 1e9);
            long t3 = System.nanoTime();
            ClusterModel model = trained.with(pre, RunRecord.asMap(identity));
            float[][] probabilities = model.predictProba(data);
            float[][] latentCodes = model.transform(data);
            if (!FiniteModels.cluster(trained) || !Finite.all(probabilities) || !Finite.all(latentCodes)) {
                throw new TrainingDivergedException(run.refiner().provider().name(), 0, 0,
                        "the trained model holds or gives NaN or infinite values (parameters, centres, latent codes or probabilities)",
                        DivergenceAdvice.of("refiner", run.refiner(), run.refiner().provider().name(), c));
            }
            int[] assignments = ClusterModel.argmax(probabilities);
            Map<String, Double> metrics = data.hasLabels() ? evaluation.metrics(data.labels(), assignments, latentCodes, c.seed) : Map.of();
            Map<String, Double> internal = evaluation.internal(latentCodes, assignments, c.seed);
            int[] sizes = Evaluation.clusterSizes(assignments, k);
            String collapse = collapseWarning(run, sizes);
            if (collapse != null) {
                recorder.info(collapse);
            }
            String unreported = unreportedSelection(selection, recorder);
            if (unreported != null) {
                recorder.info(unreported);
            }
            wall.put("evaluate", (System.nanoTime() - t3) / 1e9);
            wall.put("total", wall.values().stream().mapToDouble(Double::doubleValue).sum());
            RunRecord record = RunRecord.of(identity, metrics, internal, sizes, times(started, wall, recorder), estimate,
                    new LinkedHashMap<>(recorder.kept()), recorder.warnings());
            if (out != null) {
                save(out, model, assignments, record);
                if (options.plots()) {
                    RunPlots.Scatter qMap = sample == null ? null : PlotSample.probabilities(model, data, sample, c.seed);
                    plot(out.resolve("plots"), recorder, uMap, qMap, estimate);
                }
            }
            return new RunResult(model, assignments, metrics, internal, record, manager);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        } finally {
            deleteQuietly(runCache);
        }
    }

    /** A run's own pretraining cache (see {@link #run}): a new temporary directory. */
    private static Path temporaryCache() {
        try {
            return Files.createTempDirectory("dclust-pretraining-");
        } catch (IOException e) {
            throw new DclustException("cannot create a temporary directory for the pretraining: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null && Files.exists(dir)) {
            try {
                Atomic.deleteTree(dir);
            } catch (IOException e) {
                // a temporary directory: the system cleans it up
            }
        }
    }

    /** The K the user set, or null. */
    private static Integer requested(RunConfig c) {
        return c.clusters == null ? null : c.clusters.k();
    }

    /**
     * Checks an estimate's range against the data before anything is written: K up to MAX needs at
     * least MAX samples. Returns 0, the K of an identity before the estimate.
     */
    static int autoRange(ClusterCount spec, Dataset data) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new DclustException(problems.get(0));
        }
        if (spec.max() > data.size()) {
            throw new DclustException("clusters = " + spec + " tries K up to " + spec.max() + " but data set " + data.name() + " holds only "
                    + data.size() + " samples: give a range auto:MIN..MAX with MAX at most " + data.size());
        }
        return 0;
    }

    /**
     * A run directory's identity.json: what the run started with (written with config.yaml, before
     * training), so a resumed run continues only the same work on the same data.
     */
    public static final String STARTED = "identity.json";
    /** The plot of an estimate of K, in the run's plots/. */
    public static final String AUTO_K_PLOT = "k-estimate.png";

    /** The identity a run directory's run started with. */
    public static RunIdentity startedIdentity(Path dir) {
        try {
            return json().readValue(dir.resolve(STARTED).toFile(), RunIdentity.class);
        } catch (IOException e) {
            throw new DclustException(dir.resolve(STARTED) + " is unreadable (" + e.getMessage() + "); start a new run with another --out");
        }
    }

    /**
     * A run continued in {@code out} (resumed) must be the one that started there: the same plugins,
     * parameters, K, seed and the same data (its fingerprint); otherwise its checkpoints would be
     * mixed into other work. A directory of an earlier dclust without identity.json is not checked.
     */
    private static void checkSameRun(Path out, RunIdentity now) {
        if (!Files.isRegularFile(out.resolve(STARTED))) {
            return;
        }
        List<String> changes = IdentityChanges.between(startedIdentity(out), now);
        if (!changes.isEmpty()) {
            throw new DclustException("the run in " + out + " started with other data or settings (" + String.join("; ", changes)
                    + "): continuing it would mix its checkpoints with other work; start a new run with another --out");
        }
    }

    private static String asJson(Object value) {
        try {
            return json().writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The end-of-run warning when the final assignment has an empty cluster or one that holds more
     * than half of the samples ({@link ClusterUse#collapse}), whatever the learner and the refiner;
     * null when the sizes look sound. The labels are still written: the user decides.
     */
    static String collapseWarning(ResolvedRun run, int[] sizes) {
        String what = ClusterUse.collapse(Arrays.stream(sizes).asLongStream().toArray());
        if (what == null) {
            return null;
        }
        return "warning: the clusters collapsed: " + what + " (" + run.learner().provider().name() + " + "
                + run.refiner().provider().name() + "). Each phase's clustersUsed and largestShare per epoch (result.json,"
                + " plots/) show when; compare with " + (run.refiner().provider().name().equals("centroid") ? ""
                        : "the learner's own assignment (--refiner centroid) and with ") + "another learner";
    }

    private static void checkOutput(RunOptions options) {
        if (options.outDir() != null) {
            OutputPaths.directory("the output directory", options.outDir(), "choose another");
        }
        if (options.cacheDir() != null) {
            OutputPaths.directory("the pretraining cache", options.cacheDir(), "choose another, or use none");
        }
    }

    /** Training needs finite numbers: a NaN or infinite value in the data is a user error found before training. */
    static void checkFinite(Dataset data) {
        float[] v = data.values();
        int f = data.featureSize();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new DclustException("data set " + data.name() + ": value " + (i % f) + " of sample " + (i / f) + " is " + v[i]
                        + "; clustering needs finite numbers: remove or fill that sample");
            }
        }
    }

    /**
     * The run's backbone, learner and refiner checked against the data ({@link PluginInfo#validate(Params, Dataset)}):
     * images where a plugin needs images, enough samples for a batch. Every problem together.
     *
     * @throws InvalidParameterException when a plugin cannot run on the data
     */
    static void checkPlugins(ResolvedRun run, Dataset data) {
        List<String> problems = new ArrayList<>();
        for (PluginChoice<?> p : List.of(run.backbone(), run.learner(), run.refiner())) {
            problems.addAll(p.provider().validate(p.params(), data));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
    }

    /**
     * K: the one the user set ({@code --clusters}, {@code clusters:} of a configuration or study
     * file), else the data set's number of classes; checked against the data. Each message blames
     * where K came from.
     *
     * @param requested the K the user set, or null
     * @throws DclustException when K is below 2 or above the number of samples, or the user set none
     *     and the data set has no labels or only one class
     */
    public static int clusters(Integer requested, Dataset data) {
        if (requested != null) {
            if (requested < 2) {
                throw new DclustException("clusters = " + requested + " is not valid: K must be at least 2");
            }
            if (requested > data.size()) {
                throw new DclustException("clusters = " + requested + " is larger than the number of samples of data set "
                        + data.name() + " (" + data.size() + "): set --clusters to at most " + data.size());
            }
            return requested;
        }
        int k = data.numClasses();
        if (k == 0) {
            throw new DclustException("data set " + data.name() + " declares no number of classes: give --clusters K");
        }
        if (k == 1) {
            throw new DclustException("data set " + data.name() + " has one class" + classList(data) + ", so K cannot come from "
                    + "its classes: set the number of clusters with --clusters K (at least 2)");
        }
        if (k > data.size()) {
            throw new DclustException("data set " + data.name() + " declares " + k + " classes but holds only " + data.size()
                    + " samples: set the number of clusters with --clusters K (at most " + data.size() + ")");
        }
        return k;
    }

    /**
     * " (labels 1, 2, 3)": the classes' labels as the data set's source gave them, when they are not
     * simply 0..C−1; at most ten, then "…".
     */
    static String classList(Dataset data) {
        java.util.List<String> names = data.classes();
        boolean plain = true;
        for (int c = 0; c < names.size() && plain; c++) {
            plain = names.get(c).equals(String.valueOf(c));
        }
        if (plain) {
            return "";
        }
        String shown = String.join(", ", names.subList(0, Math.min(10, names.size())));
        return " (label" + (names.size() > 1 ? "s " : " ") + shown + (names.size() > 10 ? ", …" : "") + ")";
    }

    /**
     * The identity part result.json records for this configuration on this data (plugins and their
     * parameters, data fingerprint, K, preset, preprocessing, seed, device type, versions), after the
     * checks {@link #run} makes before it writes anything: K against the data, finite data, and the
     * plugins against the data ({@link #checkPlugins}).
     *
     * @throws DclustException when K or the data is not valid, or a plugin cannot run on the data
     */
    public static RunIdentity identity(ResolvedRun run, Dataset data) {
        RunConfig c = run.config();
        int k = c.clusters != null && c.clusters.isAuto() ? autoRange(c.clusters, data) : clusters(requested(c), data);
        checkFinite(data);
        checkPlugins(run, data);
        return identity(run, data, k, kSource(c, data), DeviceChoice.resolve(c.device));
    }

    private static String kSource(RunConfig c, Dataset data) {
        if (c.clusters != null && c.clusters.isAuto()) {
            return "an estimate without labels in " + c.clusters.min() + ".." + c.clusters.max() + " on the pretrained codes (--clusters "
                    + c.clusters + ")";
        }
        return c.clusters != null ? "--clusters" : "the data set's " + data.numClasses() + " classes" + classList(data);
    }

    private static RunIdentity identity(ResolvedRun run, Dataset data, int k, String kSource, Device device) {
        RunConfig c = run.config();
        RunIdentity.DatasetIdentity ds = new RunIdentity.DatasetIdentity(run.dataset().provider().name(), run.dataset().params().asMap(),
                data.fingerprint(), data.size(), data.sampleShape(), data.numClasses(), data.hasLabels() ? data.classes() : null);
        String auto = c.clusters != null && c.clusters.isAuto() ? c.clusters.min() + ".." + c.clusters.max() : null;
        String select = c.selectEpoch == null || c.selectEpoch.isBlank() || c.selectEpoch.trim().equalsIgnoreCase("final") ? null
                : c.selectEpoch.trim();
        return new RunIdentity(ds, plugin(run.backbone()), plugin(run.learner()), plugin(run.refiner()), k, kSource, c.presetOrDefault(),
                c.preprocessing, c.seed, device.getDeviceType(), Versions.all(), auto, select);
    }

    private static RunIdentity.PluginIdentity plugin(PluginChoice<?> choice) {
        return new RunIdentity.PluginIdentity(choice.provider().name(), choice.params().asMap());
    }

    /**
     * When the run selects epochs by a reported value that no phase reported in any epoch (a typo, or
     * a value of a phase this run does not have), the words that say so, with the values the phases did
     * report; null otherwise. Each phase then kept its final epoch.
     */
    static String unreportedSelection(EpochSelection selection, PhaseRecorder recorder) {
        String value = selection.value();
        if (value == null) {
            return null;
        }
        Set<String> reported = new TreeSet<>();
        recorder.epochs().values().forEach(list -> list.forEach(r -> reported.addAll(r.values().keySet())));
        if (reported.contains(value)) {
            return null;
        }
        return "epoch selection " + selection.name() + ": no phase of this run reported '" + value + "', so each kept its final epoch; "
                + "the values they reported: " + String.join(", ", reported);
    }

    private static RunRecord.Times times(Instant started, Map<String, Double> wall, PhaseRecorder recorder) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown";
        }
        Map<String, List<RunRecord.EpochLine>> epochs = new LinkedHashMap<>();
        recorder.epochs().forEach((phase, list) -> epochs.put(phase,
                list.stream().map(r -> RunRecord.EpochLine.of(r.epoch(), r.seconds(), r.values())).toList()));
        return new RunRecord.Times(started.toString(), Instant.now().toString(), host, Runtime.getRuntime().availableProcessors(),
                HostCpu.description(), EngineThreads.intraOp(), wall,
                recorder.secondsPerEpoch(), epochs, new LinkedHashMap<>(recorder.series()), recorder.refinerPhases());
    }

    private static void save(Path out, ClusterModel model, int[] assignments, RunRecord record) {
        try {
            model.save(out.resolve("model"));
            StringBuilder csv = new StringBuilder("index,cluster\n");
            for (int i = 0; i < assignments.length; i++) {
                csv.append(i).append(',').append(assignments[i]).append('\n');
            }
            Atomic.writeString(out.resolve("assignments.csv"), csv.toString());
            record.write(out.resolve("result.json"));
        } catch (IOException e) {
            throw new DclustException("cannot write the results to " + out + ": " + e.getMessage(), e);
        }
    }

    private static void plot(Path dir, PhaseRecorder recorder, RunPlots.Scatter u, RunPlots.Scatter q, KEstimate estimate) {
        try {
            RunPlots.write(dir, recorder.epochs(), recorder.series(), u, q);
            if (estimate != null) {
                AutoClusters.plot(dir.resolve(AUTO_K_PLOT), estimate);
            }
        } catch (IOException | RuntimeException e) {
            recorder.info("could not draw the plots in " + dir + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Atomic.writeString(file, text);
        } catch (IOException e) {
            throw new DclustException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON writer used for results. */
    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
