package org.dclust.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;

class SubsetParamsTest {
    /** 1,000 samples: class 0 ×500, class 1 ×300, class 2 ×200, interleaved; value i for sample i. */
    static Dataset data() {
        int size = 1000;
        float[] values = new float[size];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
            int r = i % 10;
            labels[i] = r < 5 ? 0 : r < 8 ? 1 : 2;
        }
        return new Dataset("toy", values, new int[] {1}, labels, 3);
    }

    static Params params(Object... kv) {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            given.put((String) kv[i], kv[i + 1]);
        }
        return Params.resolve("toy", SubsetParams.SPECS, given);
    }

    static int[] counts(Dataset d, int classes) {
        int[] c = new int[classes];
        for (int l : d.labels()) {
            c[l]++;
        }
        return c;
    }

    static int[] indices(Dataset d) {
        int[] idx = new int[d.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (int) d.values()[i];
        }
        return idx;
    }

    @Test
    void defaultsKeepEverything() {
        Dataset d = data();
        assertThat(SubsetParams.apply(d, params())).isSameAs(d);
        assertThat(SubsetParams.apply(d, params("n", 1000))).isSameAs(d);
        assertThat(params().asMap()).containsExactly(Map.entry("n", 0), Map.entry("subset", "stratified"), Map.entry("subsetSeed", 0));
    }

    @Test
    void firstTakesTheFirstN() {
        Dataset s = SubsetParams.apply(data(), params("n", 7, "subset", "first"));
        assertThat(indices(s)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(s.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1);
        // samples 0..6 hold classes 0 and 1 only: class 2 is not counted
        assertThat(s.numClasses()).isEqualTo(2);
        assertThat(s.classes()).containsExactly("0", "1");
    }

    @Test
    void aStratifiedSubsetTooSmallForEveryClassCountsOnlyTheClassesItKeeps() {
        // quotas of n = 2 over 500/300/200: 1.0, 0.6, 0.4 -> floors 1, 0, 0, the largest remainder (class 1) gets the 2nd
        Dataset s = SubsetParams.apply(data(), params("n", 2, "subsetSeed", 5));
        assertThat(s.numClasses()).isEqualTo(2);
        assertThat(s.classes()).containsExactly("0", "1");
        assertThat(s.labels()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aSubsetWithoutTheFirstClassIsCodedAgainKeepingTheOriginalLabels() {
        // samples 5..7 are of class 1, sample 8 of class 2 (i % 10 = 5, 6, 7 -> 1; 8 -> 2)
        Dataset s = data().subset("toy", new int[] {5, 6, 7, 8});
        assertThat(s.labels()).containsExactly(0, 0, 0, 1);
        assertThat(s.classes()).containsExactly("1", "2");
        assertThat(s.numClasses()).isEqualTo(2);
    }

    @Test
    void stratifiedKeepsClassProportionsAndOrder() {
        Dataset s = SubsetParams.apply(data(), params("n", 100, "subsetSeed", 5));
        assertThat(s.size()).isEqualTo(100);
        assertThat(counts(s, 3)).containsExactly(50, 30, 20);
        int[] idx = indices(s);
        assertThat(idx).isSorted().doesNotHaveDuplicates();
        for (int j = 0; j < idx.length; j++) {
            assertThat(s.labels()[j]).isEqualTo(data().labels()[idx[j]]);
        }
        // a sample, not a prefix
        assertThat(idx[idx.length - 1]).isGreaterThan(200);
    }

    @Test
    void roundingGivesExactlyN() {
        // quotas 500/1000·7 = 3.5, 2.1, 1.4: floors 3+2+1 = 6, the largest remainder (class 0) gets the 7th
        assertThat(SubsetParams.quotas(new int[] {500, 300, 200}, 1000, 7)).containsExactly(4, 2, 1);
        // 1/3 each: remainders tie, the lower classes win
        assertThat(SubsetParams.quotas(new int[] {10, 10, 10}, 30, 2)).containsExactly(1, 1, 0);
        assertThat(SubsetParams.quotas(new int[] {10, 0, 10, 10}, 30, 2)).containsExactly(1, 0, 1, 0);
        for (int n = 1; n <= 1000; n += 37) {
            int[] c = counts(SubsetParams.apply(data(), params("n", n)), 3);
            assertThat(Arrays.stream(c).sum()).isEqualTo(n);
            assertThat(c[0]).isBetween((int) Math.floor(n * 0.5), (int) Math.ceil(n * 0.5));
            assertThat(c[1]).isBetween((int) Math.floor(n * 0.3), (int) Math.ceil(n * 0.3));
            assertThat(c[2]).isBetween((int) Math.floor(n * 0.2), (int) Math.ceil(n * 0.2));
        }
    }

    @Test
    void stratifiedIsDeterministicPerSeed() {
        int[] a = indices(SubsetParams.apply(data(), params("n", 50, "subsetSeed", 3)));
        int[] b = indices(SubsetParams.apply(data(), params("n", 50, "subsetSeed", 3)));
        int[] c = indices(SubsetParams.apply(data(), params("n", 50, "subsetSeed", 4)));
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void stratifiedFollowsTheDocumentedRule() {
        // class 0 of three samples {0, 2, 4}, class 1 of {1, 3}: Random(9) shuffles class 0, then class 1
        int[] labels = {0, 1, 0, 1, 0};
        java.util.Random rnd = new java.util.Random(9);
        int[] m0 = {0, 2, 4};
        for (int i = 2; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = m0[i];
            m0[i] = m0[j];
            m0[j] = t;
        }
        int[] m1 = {1, 3};
        int j = rnd.nextInt(2);
        int t = m1[1];
        m1[1] = m1[j];
        m1[j] = t;
        // n = 3 of 5: quotas 1.8 and 1.2 -> 2 and 1
        int[] expected = {m0[0], m0[1], m1[0]};
        Arrays.sort(expected);
        assertThat(SubsetParams.stratified(labels, 5, 3, 9)).containsExactly(expected);
    }

    @Test
    void unlabelledDataGetsASeededRandomSample() {
        float[] values = new float[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i;
        }
        Dataset u = new Dataset("u", values, new int[] {1}, null, 0);
        Dataset s = SubsetParams.apply(u, params("n", 10, "subsetSeed", 1));
        int[] idx = indices(s);
        assertThat(idx).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(idx).isNotEqualTo(SubsetParams.first(10));
        assertThat(indices(SubsetParams.apply(u, params("n", 10, "subsetSeed", 1)))).containsExactly(idx);
        assertThat(s.hasLabels()).isFalse();
    }

    @Test
    void nLargerThanTheDataFails() {
        assertThatThrownBy(() -> SubsetParams.apply(data(), params("n", 1001)))
                .isInstanceOf(DclustException.class)
                .hasMessage("toy.n = 1001 is larger than the data set toy, which holds 1000 samples");
    }

    @Test
    void badValuesAreRejectedByTheDeclarations() {
        assertThatThrownBy(() -> params("n", -1, "subset", "random"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("toy.n = -1")
                .hasMessageContaining("toy.subset = random is not valid: expected one of first, stratified");
    }

    @Test
    void withPutsOwnParametersFirst() {
        var own = org.dclust.api.param.ParamSpec.text("dir", null, "d");
        assertThat(DatasetParams.with(own)).extracting(org.dclust.api.param.ParamSpec::name)
                .containsExactly("dir", "n", "subset", "subsetSeed", "imbalance", "imbalanceSeed", "normalize");
        assertThat(List.copyOf(SubsetParams.SPECS)).hasSize(3);
    }
}
