package org.dclust.framework.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What changed in a cell since it ran: every resolved setting and the data counts, the build does not. */
class CellChangesTest {
    private static Map<String, Object> identity(int pretrainEpochs, String dclustVersion, String kSource, Object seed, String fingerprint) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("dataset", Map.of("name", "features", "params", Map.of("path", "a.csv"), "fingerprint", fingerprint, "sampleShape", new int[] {8}));
        id.put("learner", Map.of("name", "ae", "params", new LinkedHashMap<>(Map.of("pretrainEpochs", pretrainEpochs, "pretrainLr", 0.001))));
        id.put("clusters", 3);
        id.put("clustersSource", kSource);
        id.put("seed", seed);
        id.put("versions", Map.of("dclust", dclustVersion, "java", "17"));
        return id;
    }

    @Test
    void theSameConfigurationOnAnotherBuildIsUnchanged() {
        // as read back from result.json (Integer seed, List shape) against one just built (Long seed, int[] shape)
        Map<String, Object> recorded = identity(2, "0.1.0", "the data set's 3 classes", 1, "sha256:aa");
        recorded.put("dataset", Map.of("name", "features", "params", Map.of("path", "a.csv"), "fingerprint", "sha256:aa", "sampleShape", List.of(8)));
        assertThat(CellChanges.between(recorded, identity(2, "0.2.0", "K from the labels", 1L, "sha256:aa"))).isEmpty();
    }

    @Test
    void aChangedParameterSeedOrDataIsNamedWithBothValues() {
        Map<String, Object> old = identity(2, "0.1.0", "k", 1, "sha256:aa");
        assertThat(CellChanges.between(old, identity(3, "0.1.0", "k", 1L, "sha256:aa")))
                .containsExactly("learner.params.pretrainEpochs: 2 → 3");
        assertThat(CellChanges.between(old, identity(2, "0.1.0", "k", 2L, "sha256:bb")))
                .containsExactly("dataset.fingerprint: sha256:aa → sha256:bb", "seed: 1 → 2");
        Map<String, Object> more = identity(2, "0.1.0", "k", 1, "sha256:aa");
        ((Map<String, Object>) ((Map<String, Object>) more.get("learner")).get("params")).put("kmeansRestarts", 10);
        assertThat(CellChanges.between(old, more)).containsExactly("learner.params.kmeansRestarts: (not set) → 10");
    }
}
