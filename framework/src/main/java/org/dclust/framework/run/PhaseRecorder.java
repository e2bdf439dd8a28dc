package org.dclust.framework.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.KeptEpoch;

/**
 * An event sink that keeps every epoch report and series of a run (for result.json and plots) and
 * passes everything on to another sink (the console, a user's listener).
 */
public final class PhaseRecorder implements EventSink {
    private final EventSink next;
    private final Map<String, List<EpochReport>> epochs = new LinkedHashMap<>();
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final Map<String, KeptEpoch> kept = new LinkedHashMap<>();
    private final Set<String> refinerPhases = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean refining;

    public PhaseRecorder(EventSink next) {
        this.next = next == null ? EventSink.NONE : next;
    }

    @Override
    public void phaseStarted(String phase, int epochCount, int batches) {
        if (refining) {
            refinerPhases.add(phase);
        }
        next.phaseStarted(phase, epochCount, batches);
    }

    @Override
    public void batchDone(String phase) {
        next.batchDone(phase);
    }

    @Override
    public void epochEnded(EpochReport report) {
        record(report);
        next.epochEnded(report);
    }

    /** Keeps a report without passing it on (reports of a phase loaded from a cache). */
    public void record(EpochReport report) {
        if (refining) {
            refinerPhases.add(report.phase());
        }
        epochs.computeIfAbsent(report.phase(), k -> new ArrayList<>()).add(report);
    }

    @Override
    public void phaseEnded(String phase) {
        next.phaseEnded(phase);
    }

    @Override
    public void series(String phase, String name, double[] values) {
        series.put(phase + "." + name, values.clone());
        next.series(phase, name, values);
    }

    @Override
    public void epochKept(KeptEpoch k) {
        record(k);
        next.epochKept(k);
    }

    /** Keeps a phase's kept epoch without passing it on (a phase loaded from a cache). */
    public void record(KeptEpoch k) {
        kept.put(k.phase(), k);
    }

    /** The epoch each clustering phase kept under the run's epoch selection, by phase (empty without one). */
    public Map<String, KeptEpoch> kept() {
        return kept;
    }

    /** Passes the message on, and keeps it when it is a warning (it starts with {@value #WARNING}). */
    @Override
    public void info(String message) {
        if (message.startsWith(WARNING)) {
            warnings.add(message);
        }
        next.info(message);
    }

    /** How a message that is a warning starts: such messages go into result.json ({@link RunRecord#warnings}). */
    public static final String WARNING = "warning:";

    /** The warnings said so far, in order. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** From now on every phase that starts or ends an epoch is the refiner's (phase 2), not the learner's. */
    public void refinerStarts() {
        refining = true;
    }

    /** The phases that ran after {@link #refinerStarts}: the refiner's, in order. */
    public List<String> refinerPhases() {
        return List.copyOf(refinerPhases);
    }

    /** Epoch reports by phase, in order. */
    public Map<String, List<EpochReport>> epochs() {
        return epochs;
    }

    /** Series by "phase.name". */
    public Map<String, double[]> series() {
        return series;
    }

    /** Median seconds per epoch of each phase that ran epochs in this process. */
    public Map<String, Double> secondsPerEpoch() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<EpochReport>> e : epochs.entrySet()) {
            double[] s = e.getValue().stream().mapToDouble(EpochReport::seconds).sorted().toArray();
            out.put(e.getKey(), s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
        }
        return out;
    }
}
