package org.dclust.framework.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;

/**
 * Shows a run's progress on the terminal: a progress bar per training phase (on an interactive
 * terminal) and one line per epoch with its loss and time (always), on standard error so that
 * standard output keeps the results.
 */
public final class ConsoleProgress implements EventSink {
    private final PrintStream err;
    private final boolean bars;
    private final int every;
    private ProgressBar bar;
    private String header;

    /**
     * @param bars whether to draw progress bars (interactive terminals)
     * @param every print every n-th epoch line (1 = all); the first and last are always printed
     */
    public ConsoleProgress(PrintStream err, boolean bars, int every) {
        this.err = err;
        this.bars = bars;
        this.every = Math.max(1, every);
    }

    /**
     * A line printed before the first thing the run reports (e.g. where it writes), so that it does
     * not show when the run stops at a check before it starts.
     */
    public void header(String line) {
        this.header = line;
    }

    @Override
    public void phaseStarted(String phase, int epochs, int batches) {
        flushHeader();
        closeBar();
        if (bars) {
            bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax((long) epochs * batches).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500).showSpeed().build();
        }
    }

    @Override
    public void batchDone(String phase) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void epochEnded(EpochReport r) {
        if (bar != null) {
            bar.stepTo((long) r.epoch() * Math.max(1, bar.getMax() / Math.max(1, r.epochs())));
        }
        if (r.epoch() == 1 || r.epoch() == r.epochs() || r.epoch() % every == 0) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s epoch %4d/%-4d", r.phase(), r.epoch(), r.epochs()));
            for (Map.Entry<String, Double> e : r.values().entrySet()) {
                line.append("  ").append(e.getKey()).append(' ').append(format(e.getValue()));
            }
            line.append(String.format(Locale.ROOT, "  (%.1f s)", r.seconds()));
            println(line.toString());
        }
    }

    /** Counts (whole numbers) as integers, everything else with five significant digits. */
    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.5g", v);
    }

    @Override
    public void phaseEnded(String phase) {
        closeBar();
    }

    @Override
    public void info(String message) {
        println(message);
    }

    private void flushHeader() {
        if (header != null) {
            String h = header;
            header = null;
            println(h);
        }
    }

    private void println(String s) {
        flushHeader();
        if (bar != null) {
            err.print("\r\033[K");
        }
        err.println(s);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
