package org.dclust.framework.run;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.dclust.api.train.EventSink;

/**
 * How to run a pipeline: where to write (null: nowhere), where checkpoints go (resume), the shared
 * cache directory (null: no cache), the event sink and a cancellation flag.
 */
public record RunOptions(Path outDir, Path cacheDir, EventSink events, BooleanSupplier cancelled) {
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
