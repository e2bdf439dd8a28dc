package org.dclust.framework.study;

import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.run.RunIdentity;

/**
 * A study checked before anything is written or trained ({@link StudyRunner#plan}): every cell's
 * resolved configuration and the identity its result would record (which needs every data set loaded
 * once, so data and K errors surface here too), and the first cell's data set, kept loaded so it is not
 * read twice.
 *
 * @param cells the grid in run order
 * @param firstData the data of {@code cells.get(0)}
 */
public record StudyPlan(StudyFile study, List<StudyCell> cells, Map<StudyCell, ResolvedRun> runs,
        Map<StudyCell, RunIdentity> identities, Dataset firstData) {
}
