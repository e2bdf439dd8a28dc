package org.dclust.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void labelsFromOneAreCodedFromZero() {
        Labels l = Labels.ofValues(new int[] {1, 2, 3, 1});
        assertThat(l.codes()).containsExactly(0, 1, 2, 0);
        assertThat(l.numClasses()).isEqualTo(3);
        assertThat(l.classes()).containsExactly("1", "2", "3");
    }

    @Test
    void idsNegativeLabelsAndGapsAreCodedInIncreasingOrder() {
        assertThat(Labels.ofValues(new int[] {2000, 1000, 2000}).codes()).containsExactly(1, 0, 1);
        assertThat(Labels.ofValues(new int[] {2000, 1000, 2000}).classes()).containsExactly("1000", "2000");
        Labels neg = Labels.ofValues(new int[] {1, -1, 0, -1});
        assertThat(neg.codes()).containsExactly(2, 0, 1, 0);
        assertThat(neg.classes()).containsExactly("-1", "0", "1");
        // 0 and 2 without 1: two classes, not three
        Labels gap = Labels.ofValues(new int[] {0, 2, 2});
        assertThat(gap.codes()).containsExactly(0, 1, 1);
        assertThat(gap.numClasses()).isEqualTo(2);
    }

    @Test
    void labelsThatAreAlready0ToCMinus1AreKeptAsTheyAre() {
        int[] dense = {2, 0, 1, 0};
        Labels l = Labels.ofValues(dense);
        assertThat(l.codes()).isSameAs(dense);
        assertThat(l.classes()).containsExactly("0", "1", "2");
    }

    @Test
    void textLabelsAreNumbersWhenAllAreNumbersElseNames() {
        Labels names = Labels.ofText(new String[] {"dog", "cat", "dog", "eel"}, "f");
        assertThat(names.codes()).containsExactly(1, 0, 1, 2);
        assertThat(names.classes()).containsExactly("cat", "dog", "eel");
        // "2.0" and "+2" are the class 2; numbers in numeric order, not text order ("10" < "9" as text)
        Labels numbers = Labels.ofText(new String[] {"10", "2.0", "+2", "9", "-1"}, "f");
        assertThat(numbers.codes()).containsExactly(3, 1, 1, 2, 0);
        assertThat(numbers.classes()).containsExactly("-1", "2", "9", "10");
        Labels mixed = Labels.ofText(new String[] {"1", "cat", "1"}, "f");
        assertThat(mixed.codes()).containsExactly(0, 1, 0);
        assertThat(mixed.classes()).containsExactly("1", "cat");
    }

    @Test
    void aFractionalNumberAmongNumbersIsRefused() {
        assertThatThrownBy(() -> Labels.ofText(new String[] {"1", "2", "1.5"}, "m.csv, column y"))
                .isInstanceOf(DclustException.class)
                .hasMessage("m.csv, column y: label 1.5 of sample 2 (counted from 0) is not a whole number of at most 9 digits; "
                        + "class labels must be integers or names: is this the label column?");
        assertThatThrownBy(() -> Labels.ofText(new String[] {"1", "99999999999"}, "f")).isInstanceOf(DclustException.class)
                .hasMessageContaining("label 99999999999 of sample 1");
    }

    @Test
    void indicesIntoNamesDropTheNamesNoSampleHas() {
        Labels l = Labels.ofIndices(new int[] {2, 0, 2}, List.of("ant", "bee", "cow"));
        assertThat(l.codes()).containsExactly(1, 0, 1);
        assertThat(l.classes()).containsExactly("ant", "cow");
        assertThatThrownBy(() -> Labels.ofIndices(new int[] {3}, List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSubsetIsCodedAgainOverTheClassesItHolds() {
        Labels l = Labels.ofValues(new int[] {5, 7, 9, 7});
        Labels s = l.subset(new int[] {3, 2});
        assertThat(s.codes()).containsExactly(0, 1);
        assertThat(s.classes()).containsExactly("7", "9");
        Labels all = l.subset(new int[] {0, 1, 2});
        assertThat(all.codes()).containsExactly(0, 1, 2);
        assertThat(all.classes()).containsExactly("5", "7", "9");
    }
}
