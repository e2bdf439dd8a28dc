package org.dclust.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;

/**
 * Alternates dclust's epochs with bare ones. It listens to a dclust run: the time between the start
 * of a phase (or the end of the previous bare epoch) and the end of a dclust epoch is that epoch as
 * dclust runs it, checkpoint of the previous epoch, events and end-of-epoch work included; then, still
 * inside the event, it runs and times one bare epoch. So the two kinds of epoch take turns on the
 * same machine state, and slow drifts of a noisy machine hit both alike. The first {@code warmUp}
 * rounds are logged as warm-up ({@link PhaseTiming} does not count them).
 */
final class EpochInterleaver implements EventSink {
    private final String phase;
    private final BareLoop bare;
    private final int warmUp;
    private final Consumer<String> log;
    private final List<Double> dclust = new ArrayList<>();
    private final List<Double> bareSeconds = new ArrayList<>();
    private final List<Double> flops = new ArrayList<>();
    private long mark;

    EpochInterleaver(String phase, BareLoop bare, int warmUp, Consumer<String> log) {
        this.phase = phase;
        this.bare = bare;
        this.warmUp = warmUp;
        this.log = log;
    }

    @Override
    public void phaseStarted(String name, int epochs, int batches) {
        if (name.equals(phase)) {
            mark = System.nanoTime();
        }
    }

    @Override
    public void epochEnded(EpochReport report) {
        if (!report.phase().equals(phase)) {
            return;
        }
        double ours = (System.nanoTime() - mark) / 1e9;
        long t0 = System.nanoTime();
        flops.add(bare.matmulFlops(bareSeconds.size()));
        bare.epoch(bareSeconds.size());
        double theirs = (System.nanoTime() - t0) / 1e9;
        dclust.add(ours);
        bareSeconds.add(theirs);
        log.accept(String.format("%-9s round %2d   dclust %8.3f s   bare DJL %8.3f s%s", phase, dclust.size(), ours, theirs,
                dclust.size() <= warmUp ? "   (warm-up, not counted)" : ""));
        mark = System.nanoTime();
    }

    List<Double> dclustSeconds() {
        return dclust;
    }

    List<Double> bareSeconds() {
        return bareSeconds;
    }

    /** The matrix-product FLOPs of each round's epoch (the same for dclust's and the bare one). */
    List<Double> matmulFlops() {
        return flops;
    }
}
