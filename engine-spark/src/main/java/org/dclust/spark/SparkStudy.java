package org.dclust.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.dclust.api.train.EventSink;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyOutcome;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyProgress;
import org.dclust.framework.study.StudyRunner;

/**
 * The driver of {@code dclust study --engine spark}. The study was checked as for the in-process
 * runner ({@link StudyRunner#plan}); here the cells that already ran are kept ({@link StudyRunner#resume}),
 * the others are grouped by phase-1 result ({@link CellGroup}) and each group becomes one Spark job of
 * one task. The groups of one family (sharing a pretraining) wait for the family's first group, which
 * trains the pretraining into the study's cache; families run side by side. After each group the
 * driver rewrites results.json, results.csv and results.md from the cells' result.json files, exactly
 * as the in-process runner does ({@link StudyRunner#finish}). A group that fails after Spark's retries
 * leaves its cells unfinished (a later start resumes them) and is reported once all others are done.
 */
final class SparkStudy {
    private final StudyRunner runner;
    private final StudyPlan plan;
    private final Path dir;
    private final EventSink events;

    SparkStudy(StudyRunner runner, StudyPlan plan, Path dir, EventSink events) {
        this.runner = runner;
        this.plan = plan;
        this.dir = dir.toAbsolutePath();
        this.events = events;
    }

    StudyOutcome run(String master) {
        StudyProgress progress = runner.resume(plan, dir, events);
        List<StudyCell> pending = new ArrayList<>();
        for (StudyCell c : plan.cells()) {
            if (!progress.done().containsKey(c) && !progress.failed().containsKey(c)) {
                pending.add(c);
            }
        }
        if (pending.isEmpty()) {
            return runner.finish(plan, dir, progress);
        }
        List<String> javaOptions = List.of("-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m");
        List<List<CellGroup>> families = CellGroup.families(plan, pending, dir.toString(),
                Path.of("").toAbsolutePath().toString(), javaOptions);
        int groups = families.stream().mapToInt(List::size).sum();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        JavaSparkContext jsc = SparkMaster.start(master, "study " + plan.study().name);
        ExecutorService driverThreads = Executors.newCachedThreadPool();
        try {
            events.info(String.format(Locale.ROOT, "spark: %d cells in %d tasks (one per phase-1 result) on %s, %d libtorch thread%s a task;"
                    + " logs in %s", pending.size(), groups, master, jsc.sc().conf().getInt("spark.task.cpus", 1),
                    jsc.sc().conf().getInt("spark.task.cpus", 1) == 1 ? "" : "s", dir.resolve("spark-logs")));
            AtomicInteger finished = new AtomicInteger();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (List<CellGroup> family : families) {
                CompletableFuture<Void> first = CompletableFuture.runAsync(() -> submit(jsc, family.get(0), finished, groups, failures),
                        driverThreads);
                all.add(first);
                for (CellGroup g : family.subList(1, family.size())) {
                    all.add(first.thenRunAsync(() -> submit(jsc, g, finished, groups, failures), driverThreads));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } finally {
            driverThreads.shutdownNow();
            jsc.stop();
        }
        StudyOutcome outcome = runner.finish(plan, dir, runner.resume(plan, dir, EventSink.NONE));
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + groups + " Spark tasks failed after their tries (local[N,F] or "
                    + "spark.task.maxFailures sets how many); their cells stay unfinished, and starting the study again resumes them. "
                    + "The first: " + failures.get(0));
        }
        return outcome;
    }

    /** Runs one group as a Spark job of one task, then rewrites the study's results. */
    private void submit(JavaSparkContext jsc, CellGroup g, AtomicInteger finished, int groups, List<String> failures) {
        try {
            String summary = jsc.parallelize(List.of(g.toJson()), 1).map(CellGroupTask::run).collect().get(0);
            events.info("spark: " + finished.incrementAndGet() + "/" + groups + " tasks done: " + summary);
        } catch (Exception e) {
            // a SparkException (job aborted after the task's tries) has the task's failure in its message, before the driver's trace
            String message = String.valueOf(e.getMessage()).split("\nDriver stacktrace")[0];
            failures.add(g.name() + ": " + message);
            events.info("spark: task " + g.name() + " failed: " + message);
        }
        synchronized (this) {
            runner.finish(plan, dir, runner.resume(plan, dir, EventSink.NONE));
        }
    }
}
