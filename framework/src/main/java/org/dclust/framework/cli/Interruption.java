package org.dclust.framework.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What {@code dclust run} and {@code dclust study} print when they are interrupted (Ctrl-C, SIGINT, or
 * SIGTERM): one line saying where the work stopped and the command that continues it. A shutdown hook
 * prints it, held only while the command trains ({@link #during}), so a command that ends by itself,
 * finished or refused, prints nothing more. The exit code stays the JVM's (130 for Ctrl-C).
 */
final class Interruption implements AutoCloseable {
    /** The system property the launcher sets to how it was called ({@code $0}); absent: {@code ./dclust}. */
    static final String LAUNCHER = "dclust.launcher";

    private final Thread hook;

    private Interruption(Thread hook) {
        this.hook = hook;
    }

    /**
     * Prints {@code line} (when it is not null at that moment) on {@code err} if the JVM shuts down
     * before {@link #close}.
     *
     * @param newline whether to begin on a new line (a terminal, where a progress bar may hold the line)
     */
    static Interruption during(PrintStream err, boolean newline, Supplier<String> line) {
        Thread hook = new Thread(() -> report(err, newline, line), "dclust-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Interruption(hook);
    }

    /** Prints the line, if there is one. */
    static void report(PrintStream err, boolean newline, Supplier<String> line) {
        String text = line.get();
        if (text != null) {
            err.println((newline ? "\n" : "") + text);
            err.flush();
        }
    }

    /** Whether the hook is still held (for tests). */
    boolean held() {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalArgumentException e) {
            return true; // already registered
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        return false;
    }

    /** Releases the hook: the command ended by itself. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }

    /**
     * The line for a run interrupted in {@code dir}; null when there is nothing to continue (no
     * config.yaml yet, which a run writes before training, or a result.json: it finished).
     */
    static String runLine(Path dir) {
        if (!Files.isRegularFile(dir.resolve("config.yaml")) || Files.isRegularFile(dir.resolve("result.json"))) {
            return null;
        }
        return "interrupted: the run stopped " + (checkpointed(dir) ? "at its last checkpoint" : "before its first checkpoint (continuing it"
                + " starts its training again)") + "; continue it with: " + command("run", "--resume", dir.toString());
    }

    /** Whether the run in {@code dir} has a checkpoint of some phase ({@code checkpoints/PHASE/meta.json}). */
    private static boolean checkpointed(Path dir) {
        try (Stream<Path> phases = Files.list(dir.resolve("checkpoints"))) {
            return phases.anyMatch(p -> Files.isRegularFile(p.resolve("meta.json")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The line for a study interrupted in {@code dir}, read from {@code file}.
     *
     * @param engine the options that chose where its cells run ({@code --engine spark --master M}); empty: this process
     */
    static String studyLine(Path file, Path dir, List<String> engine) {
        List<String> args = new ArrayList<>(List.of("study", file.toString(), "--out", dir.toString()));
        args.addAll(engine);
        return "interrupted: the study stopped; its finished cells are kept and its unfinished one resumes from its last checkpoint;"
                + " continue it with: " + command(args.toArray(new String[0]));
    }

    /** The command line that calls dclust with {@code args}, each quoted for the shell where it needs to be. */
    static String command(String... args) {
        StringBuilder b = new StringBuilder(quote(System.getProperty(LAUNCHER, "./dclust")));
        for (String a : args) {
            b.append(' ').append(quote(a));
        }
        return b.toString();
    }

    /** {@code s} as one shell word: as it is when it holds only safe characters, else in single quotes. */
    static String quote(String s) {
        return !s.isEmpty() && s.matches("[A-Za-z0-9_./+=:,@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
