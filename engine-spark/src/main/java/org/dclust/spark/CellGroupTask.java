package org.dclust.spark;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.dclust.api.toolkit.Atomic;

/**
 * The executor's side of a {@link CellGroup}: runs the group in a child JVM ({@link CellGroupMain}),
 * because DJL's seed and libtorch's thread pool belong to a process, and in {@code local[N]} the
 * tasks are threads of one JVM. The child gets {@code spark.task.cpus} libtorch threads (one inter-op
 * thread), DJL offline, the executor's class path (its own and the jars Spark fetched for the
 * application) and its environment (so DJL's native cache is the executor's local one). Its output
 * goes to {@code STUDY/spark-logs/GROUP.attemptN.log}. A child that fails (or is killed) fails the
 * task with the end of that log, and Spark tries the task again; the new child skips the cells that
 * finished and resumes the unfinished one from its checkpoints. A task that Spark kills kills its child.
 */
final class CellGroupTask {
    /** Lines of the child's log quoted when it fails. */
    private static final int TAIL = 20;

    private CellGroupTask() {
    }

    /**
     * Runs the group described by {@code json} ({@link CellGroup#toJson}).
     *
     * @return a one-line summary: the group, the attempt, the seconds
     * @throws IllegalStateException when the child JVM failed (Spark retries the task)
     */
    static String run(String json) throws IOException, InterruptedException {
        CellGroup group = CellGroup.fromJson(json);
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : task.cpus();
        int attempt = task == null ? 0 : task.attemptNumber();
        Path logs = Path.of(group.studyDir()).resolve("spark-logs");
        String base = group.name().replace('/', '_') + ".attempt" + attempt;
        Path descriptor = logs.resolve(base + ".json");
        Path log = logs.resolve(base + ".log");
        Atomic.writeString(descriptor, json);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(group.javaOptions());
        command.add("-Dai.djl.offline=true");
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.add("-Dai.djl.pytorch.num_interop_threads=1");
        command.add("-cp");
        command.add(classPath());
        command.add(CellGroupMain.class.getName());
        command.add(descriptor.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (Files.isDirectory(Path.of(group.workDir()))) {
            pb.directory(new File(group.workDir()));
        }
        long t0 = System.nanoTime();
        Process child = pb.start();
        try {
            while (!child.waitFor(500, TimeUnit.MILLISECONDS)) {
                if (task != null && task.isInterrupted()) {
                    child.destroyForcibly().waitFor();
                    throw new InterruptedException("task of " + group.name() + " killed by Spark");
                }
            }
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        int code = child.exitValue();
        if (code != 0) {
            throw new IllegalStateException("cells " + group.name() + " failed (child JVM exit " + code + ", attempt " + attempt
                    + "); the end of " + log + ":\n" + tail(log));
        }
        return String.format(Locale.ROOT, "%s: %d cell%s in %.0f s%s", group.name(), group.cells().size(),
                group.cells().size() == 1 ? "" : "s", (System.nanoTime() - t0) / 1e9, attempt == 0 ? "" : " (attempt " + (attempt + 1) + ")");
    }

    /**
     * The executor's class path: the JVM's own and, above it, the jars Spark added for the application
     * ({@code --jars} and the application jar, held by URL class loaders).
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if (url.getProtocol().equals("file")) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException e) {
                            throw new IllegalStateException("a class path entry that is no file: " + url, e);
                        }
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
