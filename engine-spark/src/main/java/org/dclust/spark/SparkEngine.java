package org.dclust.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.dclust.api.train.EventSink;
import org.dclust.framework.cli.EngineExtension;
import org.dclust.framework.run.PredictJob;
import org.dclust.framework.study.StudyOutcome;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyRunner;

/** {@code --engine spark}: study grids ({@link SparkStudy}) and batch prediction ({@link SparkPredict}) on Apache Spark. */
public final class SparkEngine implements EngineExtension {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void check(String master) {
        SparkMaster.resolve(master);
    }

    @Override
    public StudyOutcome study(StudyRunner runner, StudyPlan plan, Path dir, EventSink events, String master) {
        return new SparkStudy(runner, plan, dir, events).run(SparkMaster.resolve(master));
    }

    @Override
    public void predict(PredictJob job, String master, PrintWriter out) {
        SparkPredict.run(job, SparkMaster.resolve(master), out);
    }
}
