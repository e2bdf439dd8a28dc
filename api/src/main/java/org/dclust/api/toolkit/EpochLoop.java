package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.Finite;
import org.dclust.api.train.TrainingContext;
import org.dclust.api.train.TrainingDivergedException;

/**
 * The epoch loop every training phase shares: per epoch a derived seed and a seeded shuffle, per batch
 * a fresh manager scope (closed at the batch end, so native memory stays flat) and a cancellation
 * check, per epoch an event with the mean loss and wall time, and an atomic checkpoint after the last
 * epoch and after any epoch that ends at least {@link TrainingContext#checkpointSeconds()} after the
 * previous checkpoint (written in the background, see {@link Checkpoints#save}). A run started again
 * with the same checkpoint directory resumes after the last checkpointed epoch and draws the same
 * random numbers an uninterrupted run would.
 *
 * <p>A diverged phase stops at once with a {@link TrainingDivergedException}: at the first batch whose
 * loss is NaN or infinite, and after any epoch that leaves a NaN or infinite value in the state's
 * floating-point arrays (parameters, optimizer moments, centres), before that epoch is reported or
 * checkpointed, so the last checkpoint always holds a finite state.
 *
 * <p>Epoch selection: when the run selects epochs without labels ({@link TrainingContext#epochSelection})
 * and the phase's state declares its {@link Partition} (a clustering phase; a pretraining declares
 * none), each epoch is scored and the best one's state is kept as the phase goes and put back at its
 * end ({@link BestEpoch}); the score of an internal index is reported with the epoch under the index's
 * name. Without a selection nothing of this runs and a phase ends at its final epoch, as always.
 */
public final class EpochLoop {
    /**
     * Returned by {@link EpochEnd} under this key to stop after this epoch: with {@link #CONVERGED}
     * (a convergence test; the loop notes "converged"), or {@link #HALTED} (the phase's own rule, which
     * reports its reason itself).
     */
    public static final String STOP = "stop";
    /** {@link #STOP}'s value for a phase that converged. */
    public static final double CONVERGED = 1.0;
    /** {@link #STOP}'s value for a phase that stops by a rule of its own and says why (MNet's guard). */
    public static final double HALTED = 2.0;

    private EpochLoop() {
    }

    /** One training step on a batch of sample indices; returns the batch loss for the log. */
    @FunctionalInterface
    public interface BatchStep {
        double step(NDManager scope, int[] indices);
    }

    /**
     * A training step that also knows where it is: the epoch (0-based, the same after a resume) and the
     * batch's position in it, for draws seeded per (seed, epoch, batch) such as augmented views
     * ({@link org.dclust.api.toolkit.augment.AugmentationPipeline#random}).
     */
    @FunctionalInterface
    public interface PositionedStep {
        double step(NDManager scope, int[] indices, int epoch, int batch);
    }

    /** Work at the end of an epoch (re-estimating centres, a target distribution); returns values to report. */
    @FunctionalInterface
    public interface EpochEnd {
        Map<String, Double> afterEpoch(int epochsDone);
    }

    /**
     * The phase state a checkpoint holds: named arrays (parameters, optimizer state, centres) and small
     * metadata. {@link TrainingState} is the one to use; implement this only for something it cannot hold.
     */
    public interface State {
        /** The arrays by name; their current values are what a checkpoint saves. */
        Map<String, NDArray> arrays();

        default Map<String, Object> meta() {
            return Map.of();
        }

        /**
         * How the phase's model splits the data now, for a label-free epoch selection; empty for a
         * phase that clusters nothing (a pretraining), which always keeps its final epoch.
         */
        default Optional<Partition> partition() {
            return Optional.empty();
        }

        /**
         * Copies a checkpoint's arrays and metadata back in, by name.
         *
         * @throws org.dclust.api.DclustException from {@link Checkpoints.Checkpoint#refused} when the
         *     checkpoint does not fit this state (other names or shapes)
         */
        void restore(Checkpoints.Checkpoint checkpoint);
    }

    /**
     * Runs epochs {@code [done, epochs)} where {@code done} comes from the phase's checkpoint (0 without one).
     *
     * @param samples the number of samples to shuffle into batches each epoch
     * @param scopeParent the manager batch scopes are opened under
     * @return the reports of the epochs this call ran
     */
    public static List<EpochReport> run(String phase, int epochs, int samples, int batchSize, TrainingContext ctx,
            NDManager scopeParent, State state, BatchStep step, EpochEnd end) {
        return run(phase, epochs, samples, batchSize, ctx, scopeParent, state, (scope, indices, epoch, batch) -> step.step(scope, indices), end);
    }

    /** As {@link #run(String, int, int, int, TrainingContext, NDManager, State, BatchStep, EpochEnd)}, the step told the epoch and batch. */
    public static List<EpochReport> run(String phase, int epochs, int samples, int batchSize, TrainingContext ctx,
            NDManager scopeParent, State state, PositionedStep step, EpochEnd end) {
        return run(phase, epochs, samples, batchSize, false, ctx, scopeParent, state, step, end);
    }

    /**
     * As {@link #run(String, int, int, int, TrainingContext, NDManager, State, PositionedStep, EpochEnd)};
     * with {@code fullBatchesOnly}, each epoch trains on the full batches of its shuffle only
     * ({@link Batches#shuffledFull}, PyTorch's {@code drop_last}; {@code samples >= batchSize} is the
     * caller's to check) and its mean loss is over the samples trained on.
     */
    public static List<EpochReport> run(String phase, int epochs, int samples, int batchSize, boolean fullBatchesOnly, TrainingContext ctx,
            NDManager scopeParent, State state, PositionedStep step, EpochEnd end) {
        int start = 0;
        int done = 0;
        Optional<BestEpoch> best = BestEpoch.of(phase, ctx, state, samples, scopeParent);
        try {
            try (NDManager tmp = scopeParent.newSubManager()) {
                Optional<Checkpoints.Checkpoint> ck = Checkpoints.load(ctx.checkpointDir(), phase, tmp);
                if (ck.isPresent()) {
                    state.restore(ck.get());
                    start = ck.get().epochsDone();
                    done = start;
                    if (Boolean.TRUE.equals(ck.get().meta().get(STOP))) {
                        start = epochs;
                    }
                    ctx.events().info(phase + ": resumed from the checkpoint after epoch " + start);
                    best.ifPresent(b -> b.resume(ck.get().meta(), tmp));
                }
            }
            List<EpochReport> reports = new ArrayList<>();
            ctx.events().phaseStarted(phase, epochs, fullBatchesOnly ? samples / batchSize : Batches.count(samples, batchSize));
            try {
                runEpochs(phase, start, epochs, samples, batchSize, fullBatchesOnly, ctx, scopeParent, state, step, end, reports,
                        best.orElse(null));
            } finally {
                Checkpoints.flush();
            }
            if (!reports.isEmpty()) {
                done = reports.get(reports.size() - 1).epoch();
            }
            int epochsDone = done;
            best.ifPresent(b -> b.finish(epochsDone));
            ctx.events().phaseEnded(phase);
            return reports;
        } finally {
            best.ifPresent(BestEpoch::close);
        }
    }

    private static void runEpochs(String phase, int start, int epochs, int samples, int batchSize, boolean fullBatchesOnly,
            TrainingContext ctx, NDManager scopeParent, State state, PositionedStep step, EpochEnd end, List<EpochReport> reports,
            BestEpoch best) {
        long lastSave = System.nanoTime();
        for (int e = start; e < epochs; e++) {
            long t0 = System.nanoTime();
            ctx.reseed(phase, e);
            int[][] batches = fullBatchesOnly ? Batches.shuffledFull(samples, batchSize, ctx.random(phase, e))
                    : Batches.shuffled(samples, batchSize, ctx.random(phase, e));
            double lossSum = 0;
            long trained = 0;
            for (int b = 0; b < batches.length; b++) {
                int[] idx = batches[b];
                ctx.checkCancelled();
                double loss;
                try (NDManager scope = scopeParent.newSubManager()) {
                    loss = step.step(scope, idx, e, b);
                }
                if (!Double.isFinite(loss)) {
                    throw new TrainingDivergedException(phase, e + 1, epochs, "the loss of a batch is " + loss);
                }
                lossSum += loss * idx.length;
                trained += idx.length;
                ctx.events().batchDone(phase);
            }
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("loss", trained == 0 ? 0.0 : lossSum / trained);
            Map<String, Double> extra = end == null ? Map.of() : end.afterEpoch(e + 1);
            values.putAll(extra);
            if (!Finite.all(state.arrays())) {
                throw new TrainingDivergedException(phase, e + 1, epochs, "its parameters hold NaN or infinite values");
            }
            double stopValue = extra.getOrDefault(STOP, 0.0);
            boolean stop = stopValue == CONVERGED || stopValue == HALTED;
            values.remove(STOP);
            if (best != null) {
                best.afterEpoch(e + 1, values);
            }
            EpochReport r = new EpochReport(phase, e + 1, epochs, (System.nanoTime() - t0) / 1e9, values);
            reports.add(r);
            ctx.events().epochEnded(r);
            boolean due = e + 1 == epochs || stop || (System.nanoTime() - lastSave) / 1e9 >= ctx.checkpointSeconds();
            if (ctx.checkpointDir() != null && due) {
                lastSave = System.nanoTime();
                Map<String, Object> meta = new LinkedHashMap<>(state.meta());
                meta.put(STOP, stop);
                if (best != null) {
                    best.checkpoint(ctx.checkpointDir());
                    meta.put(BestEpoch.LAST_SCORE, best.lastScore());
                }
                Checkpoints.save(ctx.checkpointDir(), phase, e + 1, state.arrays(), meta);
            }
            if (stop) {
                if (stopValue == CONVERGED) {
                    ctx.events().info(phase + ": converged after epoch " + (e + 1));
                }
                break;
            }
        }
    }
}
