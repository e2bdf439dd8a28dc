package org.dclust.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.framework.run.RunIdentity;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyPlan;

/**
 * One Spark task of a study: the cells that share one phase-1 result (same data set, seed, learner
 * and everything else but the refiner), so one task trains that phase 1 once and runs every refiner
 * on it through the study's phase-1 cache, one after the other, in one child JVM. Shipped to the
 * executor as this small JSON descriptor, never as tensors: the executor reads the study file and the
 * data itself.
 *
 * @param name "DATASET/LEARNER/seedN" (the learner entry's name), for logs and progress lines
 * @param studyDir the study directory on the shared file system (absolute)
 * @param workDir the driver's working directory, where relative data paths of the study point
 * @param cells the cells' ids ({@link StudyCell#id}), in grid order
 * @param identities the identity each cell records, as the driver computed it (the executor checks it)
 * @param javaOptions options of the child JVM (its heap)
 */
record CellGroup(String name, String studyDir, String workDir, List<String> cells, List<RunIdentity> identities,
        List<String> javaOptions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The pending cells grouped by phase-1 result, in grid order, then by family: the groups whose
     * phase 1 shares a pretraining (everything but the learner and refiner equal: data, seed, backbone,
     * preprocessing, K, device). Each family's first group runs before the family's others, so the
     * shared pretraining is trained once and then read from the study's cache.
     */
    static List<List<CellGroup>> families(StudyPlan plan, List<StudyCell> pending, String studyDir, String workDir,
            List<String> javaOptions) {
        Map<String, List<StudyCell>> byPhase1 = new LinkedHashMap<>();
        for (StudyCell c : pending) {
            byPhase1.computeIfAbsent(key(plan.identities().get(c), true), k -> new ArrayList<>()).add(c);
        }
        Map<String, List<CellGroup>> families = new LinkedHashMap<>();
        for (List<StudyCell> cells : byPhase1.values()) {
            StudyCell first = cells.get(0);
            CellGroup g = new CellGroup(first.dataset().label() + "/" + first.learner().name + "/seed" + first.seed(), studyDir, workDir,
                    cells.stream().map(StudyCell::id).toList(), cells.stream().map(plan.identities()::get).toList(), javaOptions);
            families.computeIfAbsent(key(plan.identities().get(first), false), k -> new ArrayList<>()).add(g);
        }
        return new ArrayList<>(families.values());
    }

    /**
     * What a cell's phase 1 ({@code withLearner}) or its pretraining depends on: its identity without
     * the refiner (and the learner), the versions and the wording of where K came from.
     */
    static String key(RunIdentity id, boolean withLearner) {
        RunIdentity k = new RunIdentity(id.dataset(), id.backbone(), withLearner ? id.learner() : null, null, id.clusters(), null,
                withLearner ? id.preset() : null, id.preprocessing(), id.seed(), id.device(), null);
        try {
            return JSON.writeValueAsString(k);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static CellGroup fromJson(String json) {
        try {
            return JSON.readValue(json, CellGroup.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a cell group descriptor: " + e.getMessage(), e);
        }
    }
}
