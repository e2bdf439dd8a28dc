package org.dclust.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;

/** How {@link Dataset} codes the labels a reader hands it, and what it reports as classes. */
class DatasetLabelsTest {
    static final float[] SIX = {0.5f, 1, 2, 3, 4, 5};

    @Test
    void theClassCountIsTheNumberOfClassesPresentNotTheLargestLabelPlusOne() {
        Dataset d = new Dataset("d", SIX, new int[] {2}, new int[] {1, 2, 3}, 0);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.labels()).containsExactly(0, 1, 2);
        assertThat(d.classes()).containsExactly("1", "2", "3");
        // a reader that declares 10 classes of which the file holds 2
        Dataset declared = new Dataset("d", SIX, new int[] {2}, new int[] {7, 3, 7}, 10);
        assertThat(declared.numClasses()).isEqualTo(2);
        assertThat(declared.labels()).containsExactly(1, 0, 1);
        assertThat(declared.toString()).isEqualTo("d (3 × [2], 2 classes)");
    }

    /** What learners and refiners get: no labels to read, the same fingerprint (the caches stay shared) and class count. */
    @Test
    void theViewWithoutLabelsHoldsNoLabelButTheSameFingerprint() {
        Dataset d = new Dataset("d", SIX, new int[] {2}, new int[] {1, 2, 3}, 0);
        Dataset view = d.withoutLabels();
        assertThat(view.hasLabels()).isFalse();
        assertThat(view.labels()).isNull();
        assertThat(view.classes()).isEmpty();
        assertThat(view.numClasses()).isEqualTo(3);
        assertThat(view.fingerprint()).isEqualTo(d.fingerprint());
        assertThat(view.values()).isSameAs(d.values());
        assertThat(view.subset("s", new int[] {0}).hasLabels()).isFalse();
        // an unlabelled data set's view is itself; a new unlabelled one has its own fingerprint
        Dataset unlabelled = new Dataset("d", SIX, new int[] {2}, null, 0);
        assertThat(unlabelled.withoutLabels()).isSameAs(unlabelled);
        assertThat(unlabelled.fingerprint()).isNotEqualTo(d.fingerprint());
    }

    @Test
    void aDeclaredClassCountStillChecksTheLabels() {
        assertThatThrownBy(() -> new Dataset("d", SIX, new int[] {2}, new int[] {0, 10, 1}, 10))
                .isInstanceOf(DclustException.class).hasMessage("data set d: label 10 of sample 1 is outside [0, 10)");
    }

    @Test
    void unlabelledDataKeepsItsDeclaredClassCount() {
        Dataset u = new Dataset("u", SIX, new int[] {2}, null, 4);
        assertThat(u.numClasses()).isEqualTo(4);
        assertThat(u.classes()).isEmpty();
        assertThat(u.subset("u", new int[] {0}).numClasses()).isEqualTo(4);
    }

    @Test
    void theFingerprintOfLabels0ToCMinus1IsUnchanged() {
        // the values printed by the data set of the commit before labels were coded (83c78b0)
        assertThat(new Dataset("x", SIX.clone(), new int[] {2}, new int[] {2, 0, 1}, 3).fingerprint())
                .isEqualTo("sha256:d3f52d2a018dccf292f5ec35939efd1e");
        assertThat(new Dataset("x", SIX.clone(), new int[] {2}, null, 0).fingerprint()).isEqualTo("sha256:68f253366ed8d734e6c7bfcef3ecc2c0");
        // labels 12, 10, 11 are the same classes: the same fingerprint
        assertThat(new Dataset("x", SIX.clone(), new int[] {2}, new int[] {12, 10, 11}, 0).fingerprint())
                .isEqualTo("sha256:d3f52d2a018dccf292f5ec35939efd1e");
    }

    @Test
    void namedLabelsAndSubsets() {
        Dataset d = new Dataset("pets", SIX, new int[] {2}, Labels.ofText(new String[] {"dog", "cat", "dog"}, "pets"));
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.classes()).containsExactly("cat", "dog");
        Dataset dogs = d.subset("dogs", new int[] {0, 2});
        assertThat(dogs.numClasses()).isEqualTo(1);
        assertThat(dogs.classes()).containsExactly("dog");
        assertThat(dogs.labels()).containsExactly(0, 0);
        assertThat(d.withValues(SIX.clone()).classes()).containsExactly("cat", "dog");
        assertThatThrownBy(() -> new Dataset("d", SIX, new int[] {2}, Labels.ofValues(new int[] {0, 1})))
                .isInstanceOf(DclustException.class).hasMessage("data set d: 2 labels for 3 samples");
    }
}
