package org.dclust.framework.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;

/**
 * How a run ran, beyond the pipeline of config.yaml: the pretraining cache (or none), whether t-SNE
 * maps are drawn, and the checkpoint interval. {@link PipelineRunner} saves it as
 * {@code run-settings.json} beside config.yaml, so that {@code dclust run --resume} continues exactly as
 * the run started (a resumed run that suddenly read a cache the original did not use could end with
 * other labels).
 *
 * @param cache the absolute cache directory, or null for none ({@code --no-cache})
 * @param checkpointEvery the least seconds between two checkpoints of a phase
 */
public record RunSettings(String cache, boolean tsne, double checkpointEvery) {
    /** The file name in a run directory. */
    public static final String FILE = "run-settings.json";

    /** The settings of a run with these options. */
    public static RunSettings of(RunOptions options) {
        return new RunSettings(options.cacheDir() == null ? null : options.cacheDir().toAbsolutePath().toString(), options.tsne(),
                options.checkpointSeconds());
    }

    /** The cache directory, or null for none. */
    public Path cacheDir() {
        return cache == null ? null : Path.of(cache);
    }

    void write(Path runDir) {
        try {
            Atomic.writeString(runDir.resolve(FILE),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this));
        } catch (IOException e) {
            throw new DclustException("cannot write " + runDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The settings saved in {@code runDir}, or null when it has none (a run started by an older dclust). */
    public static RunSettings read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return new ObjectMapper().readValue(f.toFile(), RunSettings.class);
        } catch (IOException e) {
            throw new DclustException(f + " is unreadable (" + e.getMessage() + "); delete it to resume with the defaults", e);
        }
    }
}
