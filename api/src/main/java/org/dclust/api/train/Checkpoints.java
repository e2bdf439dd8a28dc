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
import java.util.LinkedHashMap;
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
 * Epoch-end checkpoints of one training phase in {@code checkpointDir/phase/}: named arrays
 * (parameters, optimizer state, centres) and a small JSON of everything else (epochs done, scalars,
 * the arrays' names). Each save replaces the previous one atomically, so a run killed at any point
 * resumes from the last complete epoch.
 *
 * <p>Arrays are restored by name, never by position. dclust before this format wrote unnamed arrays;
 * such a checkpoint is refused with one message that says to delete it.
 */
public final class Checkpoints {
    private static final String ARRAYS = "arrays.ndlist";
    private static final String META = "meta.json";
    /** The metadata key that lists the arrays' names, in the order of {@value #ARRAYS}. */
    private static final String NAMES = "arrayNames";

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

    /**
     * A loaded checkpoint: where it lies ({@code dir/phase}), epochs done, the arrays by name, and the
     * metadata.
     */
    public record Checkpoint(Path dir, String phase, int epochsDone, Map<String, NDArray> arrays, Map<String, Object> meta) {
        /** The one message for a checkpoint this run cannot use: what is wrong, and to delete it. */
        public DclustException refused(String why) {
            return new DclustException("the checkpoint in " + dir.resolve(phase) + " " + why
                    + ": it was written by another network or configuration; delete it to start " + phase + " again");
        }
    }

    /**
     * Saves a phase's state after {@code epochsDone} epochs; does nothing when {@code dir} is null. The
     * arrays are copied out now; the files are written by a background thread while training goes on
     * (one write at a time, each atomic), so a checkpoint costs an epoch a memory copy, not a disk
     * write. {@link #flush} waits for it; a failed write is reported by the next save or flush.
     */
    public static void save(Path dir, String phase, int epochsDone, Map<String, NDArray> arrays, Map<String, Object> meta) {
        if (dir == null) {
            return;
        }
        byte[] encoded = new NDList(arrays.values().toArray(new NDArray[0])).encode();
        Map<String, Object> m = new LinkedHashMap<>(meta);
        m.put("epochsDone", epochsDone);
        m.put(NAMES, new ArrayList<>(arrays.keySet()));
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

    /**
     * The phase's last checkpoint, its arrays in {@code manager}; empty when there is none.
     *
     * @throws DclustException when it is unreadable, or was written by an earlier dclust (unnamed arrays)
     */
    public static Optional<Checkpoint> load(Path dir, String phase, NDManager manager) {
        flush();
        if (dir == null || !Files.isRegularFile(dir.resolve(phase).resolve(META))) {
            return Optional.empty();
        }
        Path p = dir.resolve(phase);
        Map<String, Object> meta;
        NDList list;
        try {
            meta = readMeta(p.resolve(META));
            list = NDList.decode(manager, Files.readAllBytes(p.resolve(ARRAYS)));
        } catch (IOException | RuntimeException e) {
            throw new DclustException("the checkpoint in " + p + " is unreadable (" + e.getMessage()
                    + "); delete it to start " + phase + " again", e);
        }
        if (!(meta.get(NAMES) instanceof List<?> names) || names.size() != list.size()) {
            throw positional(p, phase);
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            arrays.put(String.valueOf(names.get(i)), list.get(i));
        }
        return Optional.of(new Checkpoint(dir, phase, ((Number) meta.get("epochsDone")).intValue(), arrays, meta));
    }

    /**
     * Refuses, before anything trains, a checkpoint directory that holds a phase written by an earlier
     * dclust (arrays by position): the same message {@link #load} would give when that phase starts.
     * Does nothing when {@code dir} is null or missing; unreadable entries are left to {@link #load}.
     */
    public static void requireNamed(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<Path> phases;
        try (var list = Files.list(dir)) {
            phases = list.sorted().toList();
        } catch (IOException e) {
            return; // reported by load, with the phase that needs it
        }
        for (Path p : phases) {
            Map<String, Object> meta;
            try {
                meta = Files.isRegularFile(p.resolve(META)) ? readMeta(p.resolve(META)) : Map.of(NAMES, List.of());
            } catch (IOException e) {
                continue; // reported by load, with the phase that needs it
            }
            if (!meta.containsKey(NAMES)) {
                throw positional(p, p.getFileName().toString());
            }
        }
    }

    private static Map<String, Object> readMeta(Path meta) throws IOException {
        return new ObjectMapper().readValue(meta.toFile(), new TypeReference<Map<String, Object>>() { });
    }

    private static DclustException positional(Path p, String phase) {
        return new DclustException("the checkpoint in " + p + " was written by an earlier dclust, which stored its arrays"
                + " without names; this one restores them by name: delete it to start " + phase + " again");
    }

    /** Whether the phase has a checkpoint marked finished. */
    public static boolean isFinished(Path dir, String phase) {
        if (dir == null) {
            return false;
        }
        flush();
        try {
            Path meta = dir.resolve(phase).resolve(META);
            return Files.isRegularFile(meta) && Boolean.TRUE.equals(readMeta(meta).get("finished"));
        } catch (IOException e) {
            return false;
        }
    }
}
