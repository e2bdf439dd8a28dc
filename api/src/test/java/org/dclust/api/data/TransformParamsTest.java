package org.dclust.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Test;

class TransformParamsTest {
    static Params params(Object... kv) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            given.put((String) kv[i], kv[i + 1]);
        }
        return Params.resolve("toy", DatasetParams.with(), given);
    }

    /** 10,000 samples of 5 classes in turn, value i for sample i. */
    static Dataset balanced() {
        int n = 10_000;
        float[] v = new float[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
            l[i] = i % 5;
        }
        return new Dataset("toy", v, new int[] {1}, l, 5);
    }

    static int[] counts(Dataset d) {
        int[] c = new int[d.numClasses()];
        for (int l : d.labels()) {
            c[l]++;
        }
        return c;
    }

    @Test
    void everyPluginTakesTheTransformParametersWithNeutralDefaults() {
        Params p = params();
        assertThat(p.asMap()).containsEntry("imbalance", 1.0).containsEntry("imbalanceSeed", 0).containsEntry("normalize", "none");
        Dataset d = balanced();
        assertThat(DatasetParams.finish(d, p)).isSameAs(d);
        assertThat(d.values()[9999]).isEqualTo(9999f);
    }

    @Test
    void retentionIsLinearFromRToOne() {
        assertThat(Imbalance.retention(0, 5, 0.2)).isEqualTo(0.2);
        assertThat(Imbalance.retention(2, 5, 0.2)).isCloseTo(0.6, within(1e-12));
        assertThat(Imbalance.retention(4, 5, 0.2)).isEqualTo(1.0);
        assertThat(Imbalance.retention(0, 1, 0.2)).isEqualTo(1.0);
    }

    @Test
    void imbalanceFollowsTheDocumentedDraws() {
        Dataset d = DatasetParams.finish(balanced(), params("imbalance", 0.1, "imbalanceSeed", 3));
        Random rnd = new Random(3);
        int k = 0;
        for (int i = 0; i < 10_000; i++) {
            if (rnd.nextDouble() < 0.1 + 0.9 * (i % 5) / 4.0) {
                assertThat(d.values()[k++]).isEqualTo(i);
            }
        }
        assertThat(d.size()).isEqualTo(k);
        int[] c = counts(d);
        assertThat(c[4]).isEqualTo(2000);
        assertThat(c[0]).isBetween(150, 250);
        assertThat(c[2]).isBetween(1000, 1200);
        assertThat(d.numClasses()).isEqualTo(5);
        assertThat(DatasetParams.finish(balanced(), params("imbalance", 0.1, "imbalanceSeed", 3)).fingerprint()).isEqualTo(d.fingerprint());
        assertThat(DatasetParams.finish(balanced(), params("imbalance", 0.1, "imbalanceSeed", 4)).fingerprint()).isNotEqualTo(d.fingerprint());
    }

    @Test
    void imbalanceComesBeforeTheSubset() {
        // r = 0 keeps no sample of class 0 (retention 0) and 1/4, 2/4, 3/4, 1 of classes 1..4
        Dataset d = DatasetParams.finish(balanced(), params("imbalance", 0.0, "n", 100));
        assertThat(d.numClasses()).isEqualTo(4);
        assertThat(d.classes()).containsExactly("1", "2", "3", "4");
        int[] c = counts(d);
        assertThat(c[0] + c[1] + c[2] + c[3]).isEqualTo(100);
        // the last class holds 2000 of the about 5000 kept (1/(1/4 + 2/4 + 3/4 + 1) = 0.4 of them): 40 of 100
        assertThat(c[3]).isEqualTo(40);
    }

    @Test
    void anImbalanceThatRemovesAClassLowersTheClassCount() {
        // 3 classes; r = 0 keeps class 0 with probability 0, class 1 with 0.5, class 2 with 1
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        Dataset d = new Dataset("three", new float[12], new int[] {1}, labels, 3);
        Dataset out = DatasetParams.finish(d, params("imbalance", 0.0, "imbalanceSeed", 1));
        assertThat(out.numClasses()).isEqualTo(2);
        assertThat(out.classes()).containsExactly("1", "2");
        Random rnd = new Random(1);
        int kept = 0;
        for (int l : labels) {
            double draw = rnd.nextDouble();
            if (draw < new double[] {0, 0.5, 1}[l]) {
                assertThat(out.labels()[kept++]).isEqualTo(l - 1);
            }
        }
        assertThat(out.size()).isEqualTo(kept);
    }

    @Test
    void imbalanceNeedsLabels() {
        Dataset u = new Dataset("u", new float[] {1, 2, 3}, new int[] {1}, null, 0);
        assertThatThrownBy(() -> DatasetParams.finish(u, params("imbalance", 0.5)))
                .isInstanceOf(DclustException.class)
                .hasMessage("toy.imbalance = 0.5 needs labels, but the data set u has none");
        assertThatThrownBy(() -> params("imbalance", 1.5, "normalize", "zscore"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("toy.imbalance = 1.5 is not valid: expected a number in [0, 1]")
                .hasMessageContaining("toy.normalize = zscore is not valid: expected one of none, unit, standardize, channel");
    }

    @Test
    void imbalanceKeepsEveryClassButTheFirstInPartAndASingleClassWhole() {
        // the last class present is kept with probability 1, so some samples always stay; a data set of one class
        // present (though its reader declared 3) has nothing to unbalance
        Dataset one = new Dataset("one", new float[] {1, 2}, new int[] {1}, new int[] {0, 0}, 3);
        Dataset d = DatasetParams.finish(one, params("imbalance", 0.0));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(1);
    }

    @Test
    void unitScalesAllValuesToZeroOne() {
        Dataset d = new Dataset("d", new float[] {-2, 0, 2, 6}, new int[] {2}, null, 0);
        assertThat(DatasetParams.finish(d, params("normalize", "unit")).values()).containsExactly(0f, 0.25f, 0.5f, 1f);
        Dataset flat = new Dataset("f", new float[] {3, 3}, new int[] {1}, null, 0);
        assertThat(DatasetParams.finish(flat, params("normalize", "unit")).values()).containsExactly(0f, 0f);
    }

    @Test
    void standardizeWorksPerFeature() {
        // feature 0: 1, 3 (mean 2, sd 1); feature 1: 10, 10 (constant)
        Dataset d = new Dataset("d", new float[] {1, 10, 3, 10}, new int[] {2}, null, 0);
        assertThat(DatasetParams.finish(d, params("normalize", "standardize")).values()).containsExactly(-1f, 0f, 1f, 0f);
    }

    @Test
    void channelUsesOneMeanAndSdPerChannel() {
        // two samples of 2 channels × 1 × 2; channel 0 values 0, 2, 4, 6 (mean 3, sd √5), channel 1 all 7
        float[] v = {0, 2, 7, 7, 4, 6, 7, 7};
        Dataset d = DatasetParams.finish(new Dataset("img", v, new int[] {2, 1, 2}, null, 0), params("normalize", "channel"));
        float s = (float) Math.sqrt(5);
        assertThat(d.values()).containsExactly(new float[] {-3 / s, -1 / s, 0, 0, 1 / s, 3 / s, 0, 0}, within(1e-6f));
        Dataset vec = new Dataset("vec", new float[] {1, 2}, new int[] {2}, null, 0);
        assertThatThrownBy(() -> DatasetParams.finish(vec, params("normalize", "channel")))
                .isInstanceOf(DclustException.class)
                .hasMessageContaining("normalize = channel needs images (channels × height × width), but the samples of vec are vectors of 2 values");
    }
}
