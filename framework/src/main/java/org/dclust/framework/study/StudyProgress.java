package org.dclust.framework.study;

import java.util.Map;
import org.dclust.framework.run.RunRecord;

/**
 * The cells of a study that have run in its directory ({@link StudyRunner#resume}): each finished
 * cell's record, and each failed cell's message (its training diverged). Both maps are in grid order
 * and mutable, so a runner adds the cells it runs.
 */
public record StudyProgress(Map<StudyCell, RunRecord> done, Map<StudyCell, String> failed) {
}
