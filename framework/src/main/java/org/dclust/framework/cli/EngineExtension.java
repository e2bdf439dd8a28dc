package org.dclust.framework.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dclust.api.DclustException;
import org.dclust.api.train.EventSink;
import org.dclust.framework.run.PredictJob;
import org.dclust.framework.study.StudyOutcome;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyRunner;

/**
 * A distributed engine for {@code dclust study --engine NAME} and {@code dclust predict --engine NAME}
 * (the {@code engine-spark} module's {@code spark}), found with {@link java.util.ServiceLoader} when its
 * jar is on the class path; without {@code --engine} everything runs in this process. List
 * implementations in {@code META-INF/services/org.dclust.framework.cli.EngineExtension}.
 */
public interface EngineExtension {
    /** The {@code --engine} value of the in-process runner (the default). */
    String LOCAL = "local";

    /**
     * The engine {@code --engine name} names, checked with {@code master}; null for {@link #LOCAL}.
     *
     * @throws DclustException when no engine of that name is on the class path, or {@code --master}
     *     is given without an engine
     */
    static EngineExtension find(String name, String master) {
        if (name.equals(LOCAL)) {
            if (master != null) {
                throw new DclustException("--master " + master + " needs a distributed engine: add --engine spark");
            }
            return null;
        }
        List<String> known = new ArrayList<>(List.of(LOCAL));
        for (EngineExtension e : ServiceLoader.load(EngineExtension.class)) {
            if (e.name().equals(name)) {
                e.check(master);
                return e;
            }
            known.add(e.name());
        }
        throw new DclustException("--engine " + name + ": no such engine on the class path (here: " + String.join(", ", known)
                + "); ./dclust puts engine-spark on it for --engine spark, and a class path of your own needs dclust-engine-spark"
                + " and Spark");
    }

    /** The name given to {@code --engine}. */
    String name();

    /**
     * Checks the engine's settings before anything is written or trained.
     *
     * @param master the engine's master URL ({@code --master}), or null for the engine's default
     * @throws org.dclust.api.DclustException a user error
     */
    void check(String master);

    /**
     * Runs (or resumes) a checked study in {@code dir}, which holds its {@code study.yaml}: the cells
     * that did not run yet, on the engine, then the study's results.json, results.csv and results.md
     * ({@link StudyRunner#finish}), as the in-process {@link StudyRunner#run} writes them.
     */
    StudyOutcome study(StudyRunner runner, StudyPlan plan, Path dir, EventSink events, String master);

    /**
     * Assigns clusters to every shard of {@code job} on the engine, one output file per shard.
     *
     * @param out where to print the summary
     */
    void predict(PredictJob job, String master, PrintWriter out);
}
