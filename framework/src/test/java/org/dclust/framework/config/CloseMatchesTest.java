package org.dclust.framework.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" candidates: Levenshtein distance at most 1 up to three letters, else max(2, length / 3); or containment. */
class CloseMatchesTest {
    private static final List<String> NAMES = List.of("ae", "dcss", "dcss-agg", "dec", "idec", "mnet", "mlp", "mnist", "fashion-mnist",
            "fashion-mnist-small", "learner");

    @Test
    void oneEditOnAShortNameAndTwoOrAThirdOnALongerOne() {
        assertThat(CloseMatches.of("mnt", NAMES)).containsExactly("mnet"); // mlp and mnist are 2 edits away: too far for 3 letters
        assertThat(CloseMatches.of("lerner", NAMES)).containsExactly("learner"); // 1 edit
        assertThat(CloseMatches.of("LERNAR", NAMES)).containsExactly("learner"); // 2 edits, case ignored
        assertThat(CloseMatches.of("lable", List.of("name", "label", "set"))).containsExactly("label"); // a swap: 2 edits
        assertThat(CloseMatches.of("learnerss", NAMES)).containsExactly("learner"); // 9 letters: 3 edits allowed, containment too
    }

    @Test
    void containmentCountsFromThreeCharactersAndTheClosestComeFirst() {
        assertThat(CloseMatches.of("fashion", NAMES)).containsExactly("fashion-mnist", "fashion-mnist-small");
        // idec: 1 edit; dec-x: 2 edits but contains "dec"; dcn: 2 edits, too far for 3 letters
        assertThat(CloseMatches.of("dec", List.of("dec-x", "dcn", "idec"))).containsExactly("idec", "dec-x");
        assertThat(CloseMatches.of("de", List.of("dec-ae"))).isEmpty();
    }

    @Test
    void theHintJoinsTheNamesOrIsEmpty() {
        assertThat(CloseMatches.hint("dcs", NAMES)).isEqualTo(" (did you mean dcss or dcss-agg?)"); // dec is 2 edits away
        assertThat(CloseMatches.hint("mnt", NAMES)).isEqualTo(" (did you mean mnet?)");
        assertThat(CloseMatches.hint("zzzz", NAMES)).isEmpty();
    }
}
