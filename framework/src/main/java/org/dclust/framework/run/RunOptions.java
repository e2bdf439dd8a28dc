package org.dclust.framework.run;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;

/**
 * How to run a pipeline: where to write (null: nowhere; checkpoints go there too, so a run started
 * again on it resumes), the shared cache directory (null: no cache), the event sink, a cancellation
 * flag, and which plots to draw into {@code outDir/plots} (loss curves and histograms; the t-SNE maps
 * of the u and q spaces), and the least time between two checkpoints of a phase.
 */
public record RunOptions(Path outDir, Path cacheDir, EventSink events, BooleanSupplier cancelled, boolean plots, boolean tsne,
        double checkpointSeconds) {
    /** With plots and t-SNE maps. */
    public RunOptions(Path outDir, Path cacheDir, EventSink events, BooleanSupplier cancelled) {
        this(outDir, cacheDir, events, cancelled, true, true);
    }

    /** With the default checkpoint interval. */
    public RunOptions(Path outDir, Path cacheDir, EventSink events, BooleanSupplier cancelled, boolean plots, boolean tsne) {
        this(outDir, cacheDir, events, cancelled, plots, tsne, TrainingContext.DEFAULT_CHECKPOINT_SECONDS);
    }

    /** A copy with another least time between two checkpoints (0: after every epoch). */
    public RunOptions withCheckpointSeconds(double seconds) {
        return new RunOptions(outDir, cacheDir, events, cancelled, plots, tsne, seconds);
    }

    /** No output files, no cache, no events. */
    public static RunOptions inMemory() {
        return new RunOptions(null, null, EventSink.NONE, () -> false);
    }

    /** The default cache: $DCLUST_CACHE, else ~/.cache/dclust. */
    public static Path defaultCacheDir() {
        String env = System.getenv("DCLUST_CACHE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "dclust");
    }
}
