package org.dclust.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dclust.api.param.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** Repeated --set options: kept in order; a key given twice or a malformed option is refused, all together. */
class SetOptionsTest {
    @Test
    void keysKeepTheirOrderAndValuesMayHoldEqualsSigns() {
        assertThat(SetOptions.parse(List.of("learner.epochs=3", "features.path=a=b.csv")))
                .containsExactly(org.assertj.core.api.Assertions.entry("learner.epochs", "3"),
                        org.assertj.core.api.Assertions.entry("features.path", "a=b.csv"));
    }

    @Test
    void aKeyGivenTwiceAndAnOptionWithoutValueAreRefusedTogether() {
        assertThatThrownBy(() -> SetOptions.parse(List.of("dataset.n=300", "oops", "dataset.n=400")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("--set oops: expected key=value")
                .hasMessageContaining("--set dataset.n is given twice (300 and 400); give it once");
    }
}
