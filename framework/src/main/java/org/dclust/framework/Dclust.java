package org.dclust.framework;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.framework.config.ClusterCount;
import org.dclust.framework.config.ConfigResolver;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.Evaluation;
import org.dclust.framework.run.Phase1Cache;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunOptions;
import org.dclust.framework.run.RunRecord;
import org.dclust.framework.run.RunResult;

/**
 * The library entry point: build a pipeline in code, {@link #fit()} it, and get the trained
 * {@link org.dclust.api.model.ClusterModel}, the assignments, metrics, internal indices and the full
 * provenance — exactly what {@code dclust run} writes (the command line is built on this class).
 *
 * <pre>{@code
 * try (RunResult r = Dclust.pipeline()
 *         .data(points, null)                    // float[][]; labels optional
 *         .learner("ae").refiner("centroid")
 *         .set("learner.pretrainEpochs", 30)
 *         .clusters(3).seed(7)
 *         .fit()) {
 *     int[] clusters = r.assignments();
 *     r.model().save(Path.of("model"));
 * }
 * }</pre>
 *
 * Plugins are named (with parameter maps) or given as provider objects. User mistakes raise
 * {@link org.dclust.api.UnknownPluginException} or {@link org.dclust.api.param.InvalidParameterException}
 * (listing every problem) before any training starts.
 */
public final class Dclust {
    private final RunConfig config = new RunConfig();
    private final List<PluginInfo> extra = new ArrayList<>();
    private Dataset data;
    private Path outDir;
    private Path cacheDir;
    private EventSink listener = EventSink.NONE;
    private BooleanSupplier cancelled = () -> false;
    private PluginRegistry base;
    private boolean plots = true;
    private boolean tsne = true;
    private double checkpointSeconds = TrainingContext.DEFAULT_CHECKPOINT_SECONDS;

    private Dclust() {
    }

    /** A new pipeline with the defaults of {@code dclust run}. */
    public static Dclust pipeline() {
        return new Dclust();
    }

    /** A pipeline from a run configuration (as read from YAML or the command line). */
    public static Dclust fromConfig(RunConfig c) {
        Dclust d = new Dclust();
        RunConfig copy = c.copy();
        d.config.dataset = copy.dataset;
        d.config.learner = copy.learner;
        d.config.refiner = copy.refiner;
        d.config.backbone = copy.backbone;
        d.config.clusters = copy.clusters;
        d.config.selectEpoch = copy.selectEpoch;
        d.config.preset = copy.preset;
        d.config.preprocessing = copy.preprocessing;
        d.config.seed = copy.seed;
        d.config.device = copy.device;
        d.config.set.putAll(copy.set);
        d.config.readProblems.addAll(copy.readProblems);
        return d;
    }

    /** A registered data set by name, with its parameters. */
    public Dclust dataset(String name, Map<String, ?> params) {
        config.dataset = name;
        data = null;
        params.forEach((k, v) -> config.set.put("dataset." + k, v));
        return this;
    }

    /** A registered data set by name with default parameters. */
    public Dclust dataset(String name) {
        return dataset(name, Map.of());
    }

    /**
     * The caller's own samples (one row each) and optional labels (null: unlabelled; labels are only
     * used for metrics). Labels may be any integers (1..10, ids): the classes are the distinct values,
     * and by default K is their number.
     */
    public Dclust data(float[][] samples, int[] labels) {
        if (samples == null || samples.length == 0) {
            throw new DclustException("no samples given: the data set is empty");
        }
        int d = samples[0].length;
        float[] flat = new float[samples.length * d];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != d) {
                throw new DclustException("sample " + i + " has " + samples[i].length + " values; sample 0 has " + d);
            }
            System.arraycopy(samples[i], 0, flat, i * d, d);
        }
        return data(new Dataset("user-data", flat, new int[] {d}, labels, 0));
    }

    /** The caller's own data set. */
    public Dclust data(Dataset dataset) {
        this.data = dataset;
        config.dataset = dataset.name();
        return this;
    }

    /** A registered learner by name. */
    public Dclust learner(String name) {
        config.learner = name;
        return this;
    }

    /** A registered learner by name with parameters. */
    public Dclust learner(String name, Map<String, ?> params) {
        config.learner = name;
        params.forEach((k, v) -> config.set.put("learner." + k, v));
        return this;
    }

    /** A learner given as a provider object (it need not be registered). */
    public Dclust learner(LearnerProvider provider, Map<String, ?> params) {
        extra.add(provider);
        return learner(provider.name(), params);
    }

    /** A registered refiner by name. */
    public Dclust refiner(String name) {
        config.refiner = name;
        return this;
    }

    /** A registered refiner by name with parameters. */
    public Dclust refiner(String name, Map<String, ?> params) {
        config.refiner = name;
        params.forEach((k, v) -> config.set.put("refiner." + k, v));
        return this;
    }

    /** A refiner given as a provider object (it need not be registered). */
    public Dclust refiner(RefinerProvider provider, Map<String, ?> params) {
        extra.add(provider);
        return refiner(provider.name(), params);
    }

    /** A registered backbone by name with parameters. */
    public Dclust backbone(String name, Map<String, ?> params) {
        config.backbone = name;
        params.forEach((k, v) -> config.set.put("backbone." + k, v));
        return this;
    }

    /** A backbone given as a provider object (register it for ServiceLoader too if saved models must load again). */
    public Dclust backbone(BackboneProvider provider, Map<String, ?> params) {
        extra.add(provider);
        return backbone(provider.name(), params);
    }

    /** A setting {@code plugin.param} (plugin: a role or a plugin name), as {@code --set}. */
    public Dclust set(String key, Object value) {
        config.set.put(key, value);
        return this;
    }

    /** K; by default the data set's number of classes. */
    public Dclust clusters(int k) {
        config.clusters = ClusterCount.of(k);
        return this;
    }

    /**
     * K estimated without labels in [min, max] on the learner's pretrained codes, after its pretraining
     * and before its clustering phase ({@code --clusters auto:MIN..MAX}); the record's
     * {@link RunRecord#kEstimate()} says how. Needs a learner that starts from the shared pretraining.
     */
    public Dclust clustersAuto(int min, int max) {
        config.clusters = ClusterCount.auto(min, max);
        return this;
    }

    /**
     * The epoch each clustering phase keeps, chosen without labels: {@code final} (the default), an
     * internal index ({@code silhouette}, {@code calinski-harabasz}, {@code davies-bouldin}) or
     * {@code max:VALUE} / {@code min:VALUE} of a value the phases report ({@code max:participation});
     * the record's {@link RunRecord#keptEpochs()} says which epoch each phase kept.
     */
    public Dclust selectEpoch(String selection) {
        config.selectEpoch = selection;
        return this;
    }

    /** A parameter preset: quick, default or paper. */
    public Dclust preset(String name) {
        config.preset = name;
        return this;
    }

    /** Input preprocessing fitted on the data and saved with the model: none, minmax or standardize. */
    public Dclust preprocessing(String kind) {
        config.preprocessing = kind;
        return this;
    }

    public Dclust seed(long seed) {
        config.seed = seed;
        return this;
    }

    /** auto, cpu or gpu. */
    public Dclust device(String device) {
        config.device = device;
        return this;
    }

    /** Where to write config.yaml, checkpoints, model/, assignments.csv and result.json (default: nowhere). */
    public Dclust outputDirectory(Path dir) {
        this.outDir = dir;
        return this;
    }

    /** Where shared pretraining and phase-1 results are cached (default: no cache). */
    public Dclust cacheDirectory(Path dir) {
        this.cacheDir = dir;
        return this;
    }

    /**
     * The least time between two checkpoints of a training phase, in seconds (default 30; 0 after
     * every epoch). The last epoch of a phase is always checkpointed.
     */
    public Dclust checkpointEvery(double seconds) {
        if (!(seconds >= 0)) {
            throw new DclustException("the checkpoint interval must be 0 or more seconds, got " + seconds);
        }
        this.checkpointSeconds = seconds;
        return this;
    }

    /** Which plots to draw into the output directory's plots/ (default: all, t-SNE maps included). */
    public Dclust plots(boolean draw, boolean tsneMaps) {
        this.plots = draw;
        this.tsne = tsneMaps;
        return this;
    }

    /** Receives progress: phases, epochs with loss and pair participation, notes. */
    public Dclust listener(EventSink sink) {
        this.listener = sink == null ? EventSink.NONE : sink;
        return this;
    }

    /** Checked between batches: when it turns true, fit() stops with a CancelledException and leaves nothing half-written. */
    public Dclust cancellation(BooleanSupplier flag) {
        this.cancelled = flag == null ? () -> false : flag;
        return this;
    }

    /** The configuration this pipeline runs (as {@code config.yaml} records it). */
    public RunConfig config() {
        return config.copy();
    }

    /** Validates the whole configuration; throws with every problem listed. */
    public ResolvedRun resolve() {
        return resolver().resolve(config);
    }

    /** Trains the pipeline; the result holds native memory, close it. */
    public RunResult fit() {
        ConfigResolver resolver = resolver();
        ResolvedRun run = resolver.resolve(config);
        PipelineRunner runner = new PipelineRunner(new Evaluation(registry()), new Phase1Cache());
        RunOptions options = new RunOptions(outDir, cacheDir, listener, cancelled, plots, tsne, checkpointSeconds);
        return data == null ? runner.run(run, options) : runner.run(run, data, 0, options);
    }

    private ConfigResolver resolver() {
        return new ConfigResolver(registry());
    }

    private PluginRegistry registry() {
        List<PluginInfo> all = new ArrayList<>(extra);
        if (data != null) {
            all.add(new InMemoryDataset(data));
        }
        if (base == null) {
            base = PluginRegistry.discover();
        }
        return base.with(all);
    }

    /** Uses this registry instead of discovering plugins on the context class path (the CLI passes its own). */
    public Dclust registry(PluginRegistry registry) {
        this.base = registry;
        return this;
    }

    /** Serves a caller's data set under its own name. */
    private record InMemoryDataset(Dataset data) implements DatasetProvider {
        @Override
        public String name() {
            return data.name();
        }

        @Override
        public String title() {
            return "data given in code";
        }

        @Override
        public Dataset load(Params params) {
            return data;
        }
    }
}
