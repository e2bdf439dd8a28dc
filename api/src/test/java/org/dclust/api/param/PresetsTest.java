package org.dclust.api.param;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plugin's presets overlay the shared ones value by value; names in only one of them survive. */
class PresetsTest {
    @Test
    void ownValuesOverlayTheSharedOnes() {
        Map<String, Map<String, Object>> shared = Map.of("quick", Map.of("pretrainEpochs", 20), "paper", Map.of("pretrainEpochs", 200));
        Map<String, Map<String, Object>> own = Map.of("quick", Map.of("epochs", 10), "paper", Map.of("pretrainEpochs", 250, "epochs", 50),
                "long", Map.of("epochs", 500));
        Map<String, Map<String, Object>> merged = Presets.merge(shared, own);
        assertThat(merged).containsOnlyKeys("quick", "paper", "long");
        assertThat(merged.get("quick")).containsOnly(Map.entry("pretrainEpochs", 20), Map.entry("epochs", 10));
        assertThat(merged.get("paper")).containsOnly(Map.entry("pretrainEpochs", 250), Map.entry("epochs", 50));
        assertThat(merged.get("long")).containsOnly(Map.entry("epochs", 500));
        assertThat(shared.get("paper")).containsOnly(Map.entry("pretrainEpochs", 200));
    }
}
