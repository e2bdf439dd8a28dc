package org.dclust.framework.study;

import java.nio.file.Path;

/**
 * One run of a study grid: a data set, a learner entry and a refiner entry (each a plugin or a variant
 * of one) and a seed.
 */
public record StudyCell(StudyFile.DatasetEntry dataset, StudyFile.LearnerEntry learner, StudyFile.RefinerEntry refiner, long seed) {
    /** "dataset/learner+refiner/seedN" (the learner entry's name), also the cell's directory under the study's {@code cells/}. */
    public String id() {
        return dataset.label() + "/" + pipeline() + "/seed" + seed;
    }

    /** "learner+refiner", with the entries' names. */
    public String pipeline() {
        return learner.name + "+" + refiner.name;
    }

    /** The cell's run directory. */
    public Path dir(Path studyDir) {
        return studyDir.resolve("cells").resolve(dataset.label()).resolve(pipeline()).resolve("seed" + seed);
    }
}
