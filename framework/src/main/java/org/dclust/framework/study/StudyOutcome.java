package org.dclust.framework.study;

import java.util.List;
import java.util.Map;
import org.dclust.framework.run.RunRecord;

/**
 * What a study run left: the records of its finished cells (as in results.json, grid order) and, for
 * each cell whose training diverged, its message.
 */
public record StudyOutcome(List<RunRecord> finished, Map<StudyCell, String> failed) {
}
