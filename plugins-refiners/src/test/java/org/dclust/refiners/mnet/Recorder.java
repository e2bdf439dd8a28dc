package org.dclust.refiners.mnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;

/** Records one phase's epoch reports, every series and phase start, and the notes of a refiner under test. */
public final class Recorder implements EventSink {
    private final String phase;
    public final List<EpochReport> epochs = new ArrayList<>();
    public final Map<String, double[]> series = new HashMap<>();
    public final List<String> phases = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    /** Keeps the epoch reports of {@code phase}. */
    public Recorder(String phase) {
        this.phase = phase;
    }

    @Override
    public void phaseStarted(String started, int epochCount, int batches) {
        phases.add(started);
    }

    @Override
    public void epochEnded(EpochReport r) {
        if (r.phase().equals(phase)) {
            epochs.add(r);
        }
    }

    @Override
    public void series(String of, String name, double[] values) {
        series.put(of + "." + name, values);
    }

    @Override
    public void info(String message) {
        notes.add(message);
    }
}
