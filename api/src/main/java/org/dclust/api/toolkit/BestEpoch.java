package org.dclust.api.toolkit;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.train.Checkpoints;
import org.dclust.api.train.EpochSelection;
import org.dclust.api.train.KeptEpoch;
import org.dclust.api.train.TrainingContext;

/**
 * The label-free epoch selection of one clustering phase, run by {@link EpochLoop}: after every epoch it
 * scores the phase's model ({@link EpochSelection#score}: an internal index of the {@link Partition} of
 * a fixed seeded sample of at most {@value #SAMPLE} samples, or a value the phase reported), and when
 * the score is strictly better than every earlier epoch's it copies the whole state ({@link StateCopy}).
 * The copy is checkpointed as the phase {@code PHASE-best} just before the phase's own checkpoint
 * (which the next epochs overwrite), so a resumed run keeps the best epoch found before the stop. At the
 * phase's end the best epoch's state is put back into the live one, so what the phase returns (its
 * network, centres, head) is that epoch's; ties keep the earlier epoch; an epoch whose score is NaN is
 * never kept, and when none could be scored the final epoch stays.
 */
final class BestEpoch implements AutoCloseable {
    /** The most samples an epoch's partition is scored on (a seeded sample of larger data). */
    static final int SAMPLE = 3000;
    /** The checkpoint metadata keys of the kept epoch's score and of the selection's name. */
    private static final String SCORE = "selectionScore";
    private static final String BY = "selectionBy";
    /** The live checkpoint's metadata key of the last epoch's score. */
    static final String LAST_SCORE = "selectionLastScore";

    private final String phase;
    private final TrainingContext ctx;
    private final EpochSelection selection;
    private final Partition partition;
    private final NDManager parent;
    private final int[] sample;
    private final StateCopy best;
    private double bestScore = Double.NaN;
    private double lastScore = Double.NaN;
    private boolean unsaved;

    private BestEpoch(String phase, TrainingContext ctx, Partition partition, EpochLoop.State state, int samples, NDManager parent) {
        this.phase = phase;
        this.ctx = ctx;
        this.selection = ctx.epochSelection();
        this.partition = partition;
        this.parent = parent;
        this.sample = selection.needsPartition() ? Batches.sample(samples, SAMPLE, ctx.seedFor("epoch-selection", 0)) : new int[0];
        this.best = new StateCopy(state, parent);
    }

    /** The selection of a phase, or empty when the run keeps final epochs or the phase declares no partition. */
    static Optional<BestEpoch> of(String phase, TrainingContext ctx, EpochLoop.State state, int samples, NDManager parent) {
        Optional<Partition> p = state.partition();
        if (ctx.epochSelection().isFinal() || p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BestEpoch(phase, ctx, p.get(), state, samples, parent));
    }

    /** The checkpoint phase name of the best epoch's state. */
    static String checkpointName(String phase) {
        return phase + "-best";
    }

    /**
     * Takes up a resumed phase: the best epoch saved before the stop, and the score of the last
     * checkpointed epoch ({@code liveMeta}, the phase's checkpoint metadata).
     */
    void resume(Map<String, Object> liveMeta, NDManager tmp) {
        if (liveMeta.get(LAST_SCORE) instanceof Number n) {
            lastScore = n.doubleValue();
        }
        Checkpoints.load(ctx.checkpointDir(), checkpointName(phase), tmp).ifPresent(ck -> {
            if (!selection.name().equals(ck.meta().get(BY))) {
                throw ck.refused("kept the best epoch by " + ck.meta().get(BY) + " where this run selects by " + selection.name());
            }
            best.keep(ck);
            bestScore = ck.meta().get(SCORE) instanceof Number n ? n.doubleValue() : Double.NaN;
        });
    }

    /**
     * Scores the epoch just done (its number, 1-based), adds an index's value to the epoch's reported
     * {@code values} under the index's name, and keeps the state when it is the best so far.
     */
    void afterEpoch(int epoch, Map<String, Double> values) {
        double score;
        if (selection.needsPartition()) {
            Partition.Result r;
            try (NDManager scope = parent.newSubManager()) {
                r = partition.of(scope, sample);
            }
            score = selection.score(r.codes(), r.clusters(), values, ctx.seed());
            values.put(selection.name(), score);
        } else {
            score = selection.score(null, null, values, ctx.seed());
        }
        lastScore = score;
        if (selection.better(score, bestScore)) {
            best.keep(epoch);
            bestScore = score;
            unsaved = true;
        }
    }

    /** The last epoch's score, for the phase's checkpoint metadata. */
    double lastScore() {
        return lastScore;
    }

    /** Saves the best epoch's state when it changed since the last save (before the phase's own checkpoint). */
    void checkpoint(Path dir) {
        if (!unsaved || dir == null) {
            return;
        }
        Map<String, Object> meta = new LinkedHashMap<>(best.meta());
        meta.put(SCORE, bestScore);
        meta.put(BY, selection.name());
        Checkpoints.save(dir, checkpointName(phase), best.epoch(), best.arrays(), meta);
        unsaved = false;
    }

    /**
     * Ends the phase after {@code epochsDone} epochs: puts the best epoch's state back (when it is not
     * the last one) and reports the choice; a phase of no epochs keeps what it has and reports nothing.
     */
    void finish(int epochsDone) {
        if (epochsDone == 0) {
            return;
        }
        int kept = best.holds() ? best.epoch() : epochsDone;
        if (kept > epochsDone) {
            throw new DclustException("the checkpoint " + checkpointName(phase) + " holds epoch " + kept + " but " + phase
                    + " ran " + epochsDone + ": delete the run's checkpoints to start again");
        }
        if (kept != epochsDone) {
            best.restore();
        }
        double score = best.holds() ? bestScore : Double.NaN;
        ctx.events().epochKept(new KeptEpoch(phase, kept, epochsDone, selection.name(), score, lastScore));
        String what = selection.describe();
        if (!best.holds()) {
            ctx.events().info(phase + ": kept its last epoch " + epochsDone + ": no epoch could be scored by " + selection.name());
        } else if (kept == epochsDone) {
            ctx.events().info(String.format(Locale.ROOT, "%s: kept its last epoch %d, %s (%.4g)", phase, kept, what, score));
        } else {
            ctx.events().info(String.format(Locale.ROOT, "%s: kept epoch %d of %d, %s (%.4g; the last epoch %.4g)", phase, kept,
                    epochsDone, what, score, lastScore));
        }
    }

    @Override
    public void close() {
        best.close();
    }
}
