package org.dclust.framework.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.md from hand-made runs: means, and the cluster-size columns that reveal merged clusters. */
class StudyReportTest {
    @Test
    void tableShowsMeansTheLargestClusterAndEmptyClustersPerSeed() {
        StudyFile s = new StudyFile();
        s.name = "t";
        StudyFile.DatasetEntry d = new StudyFile.DatasetEntry();
        d.name = "synthetic";
        s.datasets.add(d);
        s.learners.add("ae");
        s.refiners.add("mnet");
        s.seeds = List.of(1L, 2L);
        StudyCell a = new StudyCell(d, "ae", "mnet", 1);
        StudyCell b = new StudyCell(d, "ae", "mnet", 2);
        Map<StudyCell, Map<String, Object>> done = new LinkedHashMap<>();
        done.put(a, run(0.50, List.of(50, 30, 20)));
        done.put(b, run(0.40, new int[] {70, 30, 0})); // as a run just finished holds them
        String md = StudyReport.markdown(s, List.of(a, b), done, Map.of());
        // ACC 45.00 ± 7.07; largest cluster 50 % and 70 %: 60.00 ± 14.14; empty clusters 0 and 1
        assertThat(md).contains("| ae+mnet | 2 | 45.00 ± 7.07 |", "| 60.00 ± 14.14 | 0, 1 |");
    }

    @Test
    void emptyClusterColumnIsBlankWhenARunHasNoSizes() {
        assertThat(StudyReport.counts(List.of(0.0, 2.0))).isEqualTo("0, 2");
        assertThat(StudyReport.counts(List.of(0.0, Double.NaN))).isEmpty();
    }

    private static Map<String, Object> run(double acc, Object sizes) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("metrics", Map.of("acc", acc, "nmi", acc, "ari", acc));
        r.put("clusterSizes", sizes);
        return r;
    }
}
