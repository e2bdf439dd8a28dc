package org.dclust.spark;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.train.EngineThreads;
import org.dclust.framework.DclustModule;
import org.dclust.framework.cli.ConsoleProgress;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.run.IdentityChanges;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunIdentity;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;

/**
 * The child JVM of a {@link CellGroupTask}: runs the cells of one {@link CellGroup} one after the
 * other, as the in-process study runner runs them ({@link StudyRunner#runCell}, the study's cache), and
 * exits. A cell whose result.json (or failed.json) is there finished in an earlier attempt and is
 * skipped; an unfinished one resumes from its checkpoints. Before training, each cell's identity is
 * computed here and compared with the driver's: an executor with other data or other plugins stops
 * with what differs (exit 2). It exits when its parent (the executor) is gone, so a lost executor
 * leaves no child training on.
 */
public final class CellGroupMain {
    private CellGroupMain() {
    }

    /** {@code CellGroupMain DESCRIPTOR.json}; exit 0 (done), 2 (a user error) or 1. */
    public static void main(String[] args) {
        watchParent();
        try {
            run(CellGroup.fromJson(Files.readString(Path.of(args[0]))));
            System.exit(0);
        } catch (DclustException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(CellGroup group) {
        Injector injector = Guice.createInjector(new DclustModule());
        StudyRunner runner = injector.getInstance(StudyRunner.class);
        PipelineRunner pipelines = injector.getInstance(PipelineRunner.class);
        Path dir = Path.of(group.studyDir());
        StudyFile s = StudyFile.read(dir.resolve("study.yaml"));
        Map<StudyCell, ResolvedRun> runs = runner.resolve(s);
        Map<String, StudyCell> byId = new LinkedHashMap<>();
        runs.keySet().forEach(c -> byId.put(c.id(), c));
        ConsoleProgress events = new ConsoleProgress(System.err, false, 10);
        events.info("cells " + group.name() + ": pid " + ProcessHandle.current().pid() + ", libtorch threads " + EngineThreads.intraOp());
        Dataset data = null;
        double loadSeconds = 0;
        List<String> ids = group.cells();
        for (int i = 0; i < ids.size(); i++) {
            StudyCell cell = byId.get(ids.get(i));
            if (cell == null) {
                throw new DclustException(dir.resolve("study.yaml") + " has no cell " + ids.get(i) + ": the study changed while it ran");
            }
            Path cellDir = cell.dir(dir);
            if (Files.isRegularFile(cellDir.resolve("result.json")) || Files.isRegularFile(cellDir.resolve("failed.json"))) {
                events.info("study: cell " + cell.id() + " finished in an earlier attempt");
                continue;
            }
            ResolvedRun run = runs.get(cell);
            if (data == null) {
                long t0 = System.nanoTime();
                data = pipelines.load(run);
                loadSeconds = (System.nanoTime() - t0) / 1e9;
            }
            RunIdentity identity = PipelineRunner.identity(run, data);
            List<String> changes = IdentityChanges.between(group.identities().get(i), identity);
            if (!changes.isEmpty()) {
                throw new DclustException("cell " + cell.id() + " is another run on this executor than on the driver ("
                        + String.join("; ", changes) + "): give the executors the driver's data files and dclust build");
            }
            events.info("study: cell " + cell.id());
            runner.runCell(s, dir, cell, run, data, loadSeconds, identity, events, () -> false);
        }
    }

    /** Exits this JVM when the process that started it ends. */
    private static void watchParent() {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread t = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        TimeUnit.SECONDS.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Runtime.getRuntime().halt(1);
            }, "parent-watch");
            t.setDaemon(true);
            t.start();
        });
    }
}
