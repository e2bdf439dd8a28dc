package org.dclust.framework.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run that estimates K prints and draws. */
class AutoClustersTest {
    static KEstimate estimate() {
        Map<String, Integer> votes = new LinkedHashMap<>();
        votes.put("silhouette", 3);
        votes.put("davies-bouldin", 3);
        votes.put("gap", 4);
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("silhouette", new double[] {0.2, 0.6, 0.4});
        curves.put("davies-bouldin", new double[] {1.5, 0.5, 1.0});
        curves.put("gap", new double[] {0.1, 0.3, 0.5});
        return new KEstimate(3, 2, 4, votes, curves, "2 of 3 methods chose K = 3");
    }

    @Test
    void theReportShowsTheCurveEachIndexsChoiceAndTheComparisonWithTheClasses() {
        List<String> lines = AutoClusters.report(estimate(), 500, 5);
        assertThat(lines.get(0)).isEqualTo("K = 3, estimated without labels on the pretrained codes (auto:2..4, 500 of 500 samples): "
                + "2 of 3 methods chose K = 3");
        assertThat(lines.get(1)).contains("K", "silhouette", "davies-bouldin", "gap");
        assertThat(lines.get(2)).startsWith("     2").doesNotContain("*", "chosen");
        assertThat(lines.get(3)).startsWith("     3").contains("0.6000*", "0.5000*", "0.3000 ").endsWith("<- chosen");
        assertThat(lines.get(4)).startsWith("     4").contains("0.5000*");
        assertThat(lines.get(5)).startsWith("the data set declares 5 classes: the estimate is 2 below (a report only");
        assertThat(AutoClusters.report(estimate(), 500, 3).get(5)).contains("the estimate is the same");
        assertThat(AutoClusters.report(estimate(), 500, 2).get(5)).contains("the estimate is 1 above");
        assertThat(AutoClusters.report(estimate(), 500, 0)).hasSize(5);
    }

    @Test
    void curvesAreScaledToTheUnitIntervalAndLowerIsBetterIsTurnedOver(@TempDir Path tmp) throws Exception {
        assertThat(AutoClusters.scaled(new double[] {0.2, 0.6, 0.4}, false)).containsExactly(new double[] {0.0, 1.0, 0.5}, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(AutoClusters.scaled(new double[] {1.5, 0.5, 1.0}, true)).containsExactly(0.0, 1.0, 0.5);
        assertThat(AutoClusters.scaled(new double[] {2, 2}, false)).containsExactly(0.5, 0.5);
        AutoClusters.plot(tmp.resolve("k.png"), estimate());
        assertThat(tmp.resolve("k.png")).isNotEmptyFile();
    }
}
