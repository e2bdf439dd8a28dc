package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dclust.api.DclustException;
import org.dclust.api.toolkit.Atomic;

/**
 * Epoch-end checkpoints of one training phase in {@code checkpointDir/phase/}: a list of arrays
 * (parameters, optimizer state, centres) and a small JSON of everything else (epochs done, scalars).
 * Each save replaces the previous one atomically, so a run killed at any point resumes from the last
 * complete epoch.
 */
public final class Checkpoints {
    private static final String ARRAYS = "arrays.ndlist";
    private static final String META = "meta.json";

    /** One background thread writes checkpoint files, in order. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dclust-checkpoint-writer");
        t.setDaemon(true);
        return t;
    });
    /** The write in progress, if any (guarded by the class lock). */
    private static Future<?> pending;

    private Checkpoints() {
    }

    /** A loaded checkpoint: epochs done, the arrays in the order saved, and the metadata. */
    public record Checkpoint(int epochsDone, List<NDArray> arrays, Map<String, Object> meta) {
    }

    /**
     * Saves a phase's state after {@code epochsDone} epochs; does nothing when {@code dir} is null. The
     * arrays are copied out now; the files are written by a background thread while training goes on
     * (one write at a time, each atomic), so a checkpoint costs an epoch a memory copy, not a disk
     * write. {@link #flush} waits for it; a failed write is reported by the next save or flush.
     */
    public static void save(Path dir, String phase, int epochsDone, List<NDArray> arrays, Map<String, Object> meta) {
        if (dir == null) {
            return;
        }
        byte[] encoded = new NDList(arrays).encode();
        Map<String, Object> m = new java.util.LinkedHashMap<>(meta);
        m.put("epochsDone", epochsDone);
        byte[] metaJson;
        try {
            metaJson = new ObjectMapper().writeValueAsBytes(m);
        } catch (IOException e) {
            throw new DclustException("cannot encode the checkpoint metadata of " + phase + ": " + e.getMessage(), e);
        }
        synchronized (Checkpoints.class) {
            awaitPending();
            pending = WRITER.submit(() -> {
                Files.createDirectories(dir);
                Atomic.writeDirectory(dir.resolve(phase), tmp -> {
                    Files.write(tmp.resolve(ARRAYS), encoded);
                    Files.write(tmp.resolve(META), metaJson);
                });
                return null;
            });
        }
    }

    /** Waits until every checkpoint saved so far is on disk; throws when a write failed. */
    public static void flush() {
        synchronized (Checkpoints.class) {
            awaitPending();
        }
    }

    private static void awaitPending() {
        if (pending == null) {
            return;
        }
        Future<?> p = pending;
        pending = null;
        boolean interrupted = false;
        while (true) {
            try {
                p.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw new DclustException("cannot write a checkpoint: " + cause.getMessage(), cause);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The phase's last checkpoint, its arrays in {@code manager}; empty when there is none. */
    public static Optional<Checkpoint> load(Path dir, String phase, NDManager manager) {
        flush();
        if (dir == null || !Files.isRegularFile(dir.resolve(phase).resolve(META))) {
            return Optional.empty();
        }
        Path p = dir.resolve(phase);
        try {
            Map<String, Object> meta = new ObjectMapper().readValue(p.resolve(META).toFile(), new TypeReference<Map<String, Object>>() { });
            NDList list = NDList.decode(manager, Files.readAllBytes(p.resolve(ARRAYS)));
            return Optional.of(new Checkpoint(((Number) meta.get("epochsDone")).intValue(), new ArrayList<>(list), meta));
        } catch (IOException | RuntimeException e) {
            throw new DclustException("the checkpoint in " + p + " is unreadable (" + e.getMessage()
                    + "); delete it to start that phase again", e);
        }
    }

    /** Whether the phase has a checkpoint marked finished. */
    public static boolean isFinished(Path dir, String phase) {
        if (dir == null) {
            return false;
        }
        flush();
        try {
            Path meta = dir.resolve(phase).resolve(META);
            return Files.isRegularFile(meta) && Boolean.TRUE.equals(
                    new ObjectMapper().readValue(meta.toFile(), new TypeReference<Map<String, Object>>() { }).get("finished"));
        } catch (IOException e) {
            return false;
        }
    }
}
