package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.ParamOptimizer;

/**
 * The named state of a training phase, which {@link EpochLoop} checkpoints and restores: arrays by
 * name (a network's parameters with its BatchNorm statistics, an optimizer's moments, centres,
 * per-sample state) and scalars by name (an iteration count, a convergence flag). A checkpoint is
 * restored by name and shape; one that holds other names or shapes is refused with one message
 * ({@link Checkpoints.Checkpoint#refused}), so a learner never counts list positions.
 *
 * <pre>{@code
 * TrainingState state = TrainingState.of(net, opt)          // "network.*" and "optimizer.*"
 *         .array("centres", centres)                         // a (K, d) array, updated in place
 *         .integer("iterations", () -> iterations, v -> iterations = v);
 * EpochLoop.run(name, epochs, data.size(), batchSize, ctx, net.manager(), state, step, end);
 * }</pre>
 *
 * Arrays are registered once and must stay the same objects (update them in place, e.g. with
 * {@code copyTo}); their values are read at each checkpoint.
 */
public final class TrainingState implements EpochLoop.State {
    /** A named group of arrays: how to read them now, and how to put a checkpoint's values back. */
    private record Group(String prefix, Supplier<Map<String, NDArray>> read, Consumer<Map<String, NDArray>> write) {
    }

    /** A named scalar kept in the checkpoint's metadata. */
    private record Scalar(Supplier<Object> read, Consumer<Object> write) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final Map<String, Scalar> scalars = new LinkedHashMap<>();
    private Partition partition;

    /** An empty state; add what the phase changes. */
    public TrainingState() {
    }

    /** The usual start: every array of {@code net} under {@code network.} and {@code opt}'s state under {@code optimizer.}. */
    public static TrainingState of(EncoderNetwork net, ParamOptimizer opt) {
        return new TrainingState().arrays("network", net::state).optimizer("optimizer", opt);
    }

    /**
     * A group of arrays under {@code prefix.}: {@code read} gives them by name (called at every
     * checkpoint), and a checkpoint's values are copied into them in place.
     */
    public TrainingState arrays(String prefix, Supplier<Map<String, NDArray>> read) {
        return group(prefix, read, given -> {
            Map<String, NDArray> own = read.get();
            for (Map.Entry<String, NDArray> e : own.entrySet()) {
                InPlace.copy(given.get(e.getKey()), e.getValue());
            }
        });
    }

    /** An optimizer's state (moments and step count) under {@code prefix.}. */
    public TrainingState optimizer(String prefix, ParamOptimizer opt) {
        return group(prefix, opt::state, opt::restore);
    }

    /** One array under {@code name}, updated in place by the phase. */
    public TrainingState array(String name, NDArray array) {
        return group(name, () -> Map.of("", array), given -> InPlace.copy(given.get(""), array));
    }

    /**
     * A Java array of longs (per-sample labels, say) under {@code name}, which the phase updates in
     * place: a checkpoint holds it as an int64 array of the same length made in {@code manager}, and a
     * restore copies the checkpoint's values back into {@code values}.
     */
    public TrainingState longs(String name, long[] values, NDManager manager) {
        return held(name, manager.zeros(new Shape(values.length), DataType.INT64), a -> InPlace.copy(values, a),
                a -> System.arraycopy(a.toLongArray(), 0, values, 0, values.length));
    }

    /** As {@link #longs}, for a Java array of floats (dual variables, say), held as a float32 array. */
    public TrainingState floats(String name, float[] values, NDManager manager) {
        return held(name, manager.zeros(new Shape(values.length), DataType.FLOAT32), a -> InPlace.copy(values, a),
                a -> System.arraycopy(a.toFloatArray(), 0, values, 0, values.length));
    }

    /** A Java array under {@code name}, copied into {@code held} for each checkpoint ({@code save}) and back from a checkpoint's array ({@code load}). */
    private TrainingState held(String name, NDArray held, Consumer<NDArray> save, Consumer<NDArray> load) {
        return group(name, () -> {
            save.accept(held);
            return Map.of("", held);
        }, given -> load.accept(given.get("")));
    }

    /** An integer scalar (a count, an epoch) under {@code name}. */
    public TrainingState integer(String name, LongSupplier read, LongConsumer write) {
        return scalar(name, read::getAsLong, v -> write.accept(((Number) v).longValue()));
    }

    /** A real scalar under {@code name}. */
    public TrainingState real(String name, DoubleSupplier read, DoubleConsumer write) {
        return scalar(name, read::getAsDouble, v -> write.accept(((Number) v).doubleValue()));
    }

    /** A true/false scalar under {@code name}. */
    public TrainingState flag(String name, BooleanSupplier read, Consumer<Boolean> write) {
        return scalar(name, read::getAsBoolean, v -> write.accept((Boolean) v));
    }

    /**
     * How this phase's model splits the data ({@link Partition}): declaring it makes the phase a
     * clustering phase that a run's epoch selection applies to ({@link org.dclust.api.train.EpochSelection}).
     * A phase without one (a pretraining) always keeps its final epoch.
     */
    public TrainingState partition(Partition p) {
        if (partition != null) {
            throw new IllegalArgumentException("the state already has a partition");
        }
        this.partition = java.util.Objects.requireNonNull(p, "partition");
        return this;
    }

    @Override
    public java.util.Optional<Partition> partition() {
        return java.util.Optional.ofNullable(partition);
    }

    private TrainingState group(String prefix, Supplier<Map<String, NDArray>> read, Consumer<Map<String, NDArray>> write) {
        for (Group g : groups) {
            if (g.prefix().equals(prefix)) {
                throw new IllegalArgumentException("the state already holds " + prefix);
            }
        }
        groups.add(new Group(prefix, read, write));
        return this;
    }

    private TrainingState scalar(String name, Supplier<Object> read, Consumer<Object> write) {
        if (scalars.putIfAbsent(name, new Scalar(read, write)) != null) {
            throw new IllegalArgumentException("the state already holds " + name);
        }
        return this;
    }

    private static String fullName(String prefix, String inner) {
        return inner.isEmpty() ? prefix : prefix + "." + inner;
    }

    @Override
    public Map<String, NDArray> arrays() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Group g : groups) {
            for (Map.Entry<String, NDArray> e : g.read().get().entrySet()) {
                out.put(fullName(g.prefix(), e.getKey()), e.getValue());
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> meta() {
        Map<String, Object> out = new LinkedHashMap<>();
        scalars.forEach((name, s) -> out.put(name, s.read().get()));
        return out;
    }

    @Override
    public void restore(Checkpoints.Checkpoint checkpoint) {
        requireSameLayout(checkpoint);
        for (Group g : groups) {
            Map<String, NDArray> given = new LinkedHashMap<>();
            for (String inner : g.read().get().keySet()) {
                given.put(inner, checkpoint.arrays().get(fullName(g.prefix(), inner)));
            }
            g.write().accept(given);
        }
        scalars.forEach((name, s) -> s.write().accept(checkpoint.meta().get(name)));
    }

    /** Refuses a checkpoint whose array names, shapes or types, or scalar names, differ from this state's. */
    private void requireSameLayout(Checkpoints.Checkpoint ck) {
        Map<String, NDArray> own = arrays();
        List<String> missing = new ArrayList<>();
        for (String name : own.keySet()) {
            if (!ck.arrays().containsKey(name)) {
                missing.add(name);
            }
        }
        for (String name : scalars.keySet()) {
            if (!(ck.meta().get(name) instanceof Number || ck.meta().get(name) instanceof Boolean)) {
                missing.add(name);
            }
        }
        List<String> extra = new ArrayList<>(ck.arrays().keySet());
        extra.removeAll(own.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw ck.refused("does not hold what this run saves (" + (missing.isEmpty() ? "" : "missing " + sample(missing))
                    + (missing.isEmpty() || extra.isEmpty() ? "" : "; ") + (extra.isEmpty() ? "" : "not expected " + sample(extra)) + ")");
        }
        for (Map.Entry<String, NDArray> e : own.entrySet()) {
            NDArray given = ck.arrays().get(e.getKey());
            NDArray mine = e.getValue();
            if (!given.getShape().equals(mine.getShape()) || given.getDataType() != mine.getDataType()) {
                throw ck.refused("holds " + e.getKey() + " as " + given.getDataType() + " " + given.getShape()
                        + " where this run has " + mine.getDataType() + " " + mine.getShape());
            }
        }
    }

    /** The first three names and how many more. */
    private static String sample(List<String> names) {
        String head = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? head + " and " + (names.size() - 3) + " more" : head;
    }
}
