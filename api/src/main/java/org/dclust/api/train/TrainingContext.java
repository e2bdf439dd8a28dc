package org.dclust.api.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.dclust.api.model.Backbone;

/**
 * Everything a learner or refiner gets besides the data: the device and a manager on it, the run's
 * seed, the number of clusters K, the backbone to build networks with, an event sink, an optional
 * checkpoint directory (resume), an optional cache directory (shared pretraining), a cancellation
 * flag and the epoch selection of the clustering phases ({@link EpochSelection}, by default the final
 * epoch).
 *
 * <p>All randomness flows from the seed: {@link #random(String, int)} and {@link #reseed(String, int)}
 * derive independent, reproducible streams per purpose and epoch, so a run resumed at epoch e draws
 * exactly what an uninterrupted run draws there.
 */
public final class TrainingContext {
    private final Device device;
    private final NDManager manager;
    private final long seed;
    private final int clusters;
    private final Backbone backbone;
    private final EventSink events;
    private final Path checkpointDir;
    private final double checkpointSeconds;
    private final Path cacheDir;
    private final BooleanSupplier cancelled;
    private final EpochSelection epochSelection;

    /** The default least time between two checkpoints of a phase. */
    public static final double DEFAULT_CHECKPOINT_SECONDS = 30;

    private TrainingContext(Builder b) {
        this.device = b.device;
        this.manager = Objects.requireNonNull(b.manager, "manager");
        this.seed = b.seed;
        this.clusters = b.clusters;
        this.backbone = b.backbone;
        this.events = b.events;
        this.checkpointDir = b.checkpointDir;
        this.checkpointSeconds = b.checkpointSeconds;
        this.cacheDir = b.cacheDir;
        this.cancelled = b.cancelled;
        this.epochSelection = b.epochSelection;
    }

    public static Builder builder(NDManager manager) {
        return new Builder(manager);
    }

    public Device device() {
        return device;
    }

    /** The run's long-lived manager; plugins open sub-managers per batch and epoch. */
    public NDManager manager() {
        return manager;
    }

    public long seed() {
        return seed;
    }

    /** The number of clusters K. */
    public int clusters() {
        return clusters;
    }

    /** The backbone networks are built from. */
    public Backbone backbone() {
        if (backbone == null) {
            throw new IllegalStateException("no backbone in this context");
        }
        return backbone;
    }

    public EventSink events() {
        return events;
    }

    /** Where this run checkpoints (null: no checkpoints). */
    public Path checkpointDir() {
        return checkpointDir;
    }

    /**
     * The least time between two checkpoints of a phase, in seconds (0: after every epoch). The last
     * epoch of a phase is always checkpointed; an interrupted run redoes at most this much work.
     */
    public double checkpointSeconds() {
        return checkpointSeconds;
    }

    /** Where shared results (pretrained autoencoders) are cached across runs (null: no cache). */
    public Path cacheDir() {
        return cacheDir;
    }

    /**
     * Which epoch each clustering phase keeps ({@link EpochSelection#FINAL} unless the run asks for a
     * label-free selection); applied by {@link org.dclust.api.toolkit.EpochLoop}.
     */
    public EpochSelection epochSelection() {
        return epochSelection;
    }

    /** Throws {@link CancelledException} when the run was cancelled; call it between batches. */
    public void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
    }

    /** A derived seed for one purpose and epoch. */
    public long seedFor(String purpose, int epoch) {
        long h = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + epoch;
        return h ^ (h >>> 29);
    }

    /** A Java random stream for one purpose and epoch (shuffles, sampling). */
    public Random random(String purpose, int epoch) {
        return new Random(seedFor(purpose, epoch));
    }

    /** Reseeds the engine for one purpose and epoch (weight init, dropout). */
    public void reseed(String purpose, int epoch) {
        Engine.getInstance().setRandomSeed((int) (seedFor(purpose, epoch) & 0x7FFFFFFF));
    }

    /** A copy with another number of clusters. */
    public TrainingContext withClusters(int k) {
        Builder b = toBuilder();
        b.clusters = k;
        return new TrainingContext(b);
    }

    /** A copy with another checkpoint directory. */
    public TrainingContext withCheckpointDir(Path dir) {
        Builder b = toBuilder();
        b.checkpointDir = dir;
        return new TrainingContext(b);
    }

    private Builder toBuilder() {
        Builder b = new Builder(manager);
        b.device = device;
        b.seed = seed;
        b.clusters = clusters;
        b.backbone = backbone;
        b.events = events;
        b.checkpointDir = checkpointDir;
        b.checkpointSeconds = checkpointSeconds;
        b.cacheDir = cacheDir;
        b.cancelled = cancelled;
        b.epochSelection = epochSelection;
        return b;
    }

    /** Builds a {@link TrainingContext}. */
    public static final class Builder {
        private final NDManager manager;
        private Device device;
        private long seed = 1;
        private int clusters = 10;
        private Backbone backbone;
        private EventSink events = EventSink.NONE;
        private Path checkpointDir;
        private double checkpointSeconds = DEFAULT_CHECKPOINT_SECONDS;
        private Path cacheDir;
        private BooleanSupplier cancelled = () -> false;
        private EpochSelection epochSelection = EpochSelection.FINAL;

        private Builder(NDManager manager) {
            this.manager = manager;
            this.device = manager.getDevice();
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder clusters(int k) {
            this.clusters = k;
            return this;
        }

        public Builder backbone(Backbone b) {
            this.backbone = b;
            return this;
        }

        public Builder events(EventSink e) {
            this.events = e == null ? EventSink.NONE : e;
            return this;
        }

        public Builder checkpointDir(Path p) {
            this.checkpointDir = p;
            return this;
        }

        /** The least time between two checkpoints (default {@value TrainingContext#DEFAULT_CHECKPOINT_SECONDS} s; 0: every epoch). */
        public Builder checkpointSeconds(double seconds) {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException("checkpoint interval must be >= 0 seconds, got " + seconds);
            }
            this.checkpointSeconds = seconds;
            return this;
        }

        public Builder cacheDir(Path p) {
            this.cacheDir = p;
            return this;
        }

        public Builder cancelled(BooleanSupplier c) {
            this.cancelled = c == null ? () -> false : c;
            return this;
        }

        /** Which epoch each clustering phase keeps (default {@link EpochSelection#FINAL}). */
        public Builder epochSelection(EpochSelection selection) {
            this.epochSelection = selection == null ? EpochSelection.FINAL : selection;
            return this;
        }

        /**
         * The context. A checkpoint directory holding a phase written by an earlier dclust is refused
         * here, before anything trains ({@link Checkpoints#requireNamed}).
         */
        public TrainingContext build() {
            Checkpoints.requireNamed(checkpointDir);
            return new TrainingContext(this);
        }
    }
}
