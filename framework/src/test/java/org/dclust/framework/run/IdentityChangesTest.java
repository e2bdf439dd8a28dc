package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.framework.run.RunIdentity.DatasetIdentity;
import org.dclust.framework.run.RunIdentity.PluginIdentity;
import org.junit.jupiter.api.Test;

/** What changed in a cell since it ran: every resolved setting and the data counts, the build does not. */
class IdentityChangesTest {
    private static RunIdentity identity(Map<String, Object> learnerParams, String dclustVersion, String kSource, long seed, String fingerprint) {
        DatasetIdentity ds = new DatasetIdentity("features", Map.of("path", "a.csv"), fingerprint, 90, new int[] {8}, 3, List.of("1", "2", "3"));
        return new RunIdentity(ds, new PluginIdentity("mlp", Map.of()), new PluginIdentity("ae", learnerParams),
                new PluginIdentity("centroid", Map.of()), 3, kSource, "default", "none", seed, "cpu", Map.of("dclust", dclustVersion, "java", "17"));
    }

    private static Map<String, Object> params(int pretrainEpochs) {
        return new LinkedHashMap<>(Map.of("pretrainEpochs", pretrainEpochs, "pretrainLr", 0.001));
    }

    @Test
    void theSameConfigurationOnAnotherBuildIsUnchanged() throws Exception {
        // one read back from result.json against one just built; versions and the wording of K's source do not count
        RunIdentity built = identity(params(2), "0.1.0", "the data set's 3 classes", 1, "sha256:aa");
        RunIdentity recorded = PipelineRunner.json().readValue(PipelineRunner.json().writeValueAsString(built), RunIdentity.class);
        assertThat(IdentityChanges.between(recorded, identity(params(2), "0.2.0", "K from the labels", 1, "sha256:aa"))).isEmpty();
    }

    @Test
    void aChangedParameterSeedOrDataIsNamedWithBothValues() {
        RunIdentity old = identity(params(2), "0.1.0", "k", 1, "sha256:aa");
        assertThat(IdentityChanges.between(old, identity(params(3), "0.1.0", "k", 1, "sha256:aa")))
                .containsExactly("learner.params.pretrainEpochs: 2 → 3");
        assertThat(IdentityChanges.between(old, identity(params(2), "0.1.0", "k", 2, "sha256:bb")))
                .containsExactly("dataset.fingerprint: sha256:aa → sha256:bb", "seed: 1 → 2");
        Map<String, Object> more = params(2);
        more.put("kmeansRestarts", 10);
        assertThat(IdentityChanges.between(old, identity(more, "0.1.0", "k", 1, "sha256:aa")))
                .containsExactly("learner.params.kmeansRestarts: (not set) → 10");
    }

    @Test
    void runsThatEstimateKInTheSameRangeAgreeOnKWhateverTheEstimate() {
        RunIdentity plain = identity(params(2), "0.1.0", "k", 1, "sha256:aa");
        RunIdentity started = new RunIdentity(plain.dataset(), plain.backbone(), plain.learner(), plain.refiner(), 0, "auto", "default",
                "none", 1, "cpu", Map.of(), "2..20", null);
        // identity.json holds no K yet, result.json the estimate: the same work
        assertThat(IdentityChanges.between(started.withClusters(7), started)).isEmpty();
        RunIdentity otherRange = new RunIdentity(plain.dataset(), plain.backbone(), plain.learner(), plain.refiner(), 0, "auto", "default",
                "none", 1, "cpu", Map.of(), "2..12", null);
        assertThat(IdentityChanges.between(started.withClusters(7), otherRange)).containsExactly("clusters: 7 → 0",
                "clustersAuto: 2..20 → 2..12");
        // K given against K estimated, and an epoch selection added, are changes
        assertThat(IdentityChanges.between(plain, started)).containsExactly("clusters: 3 → 0", "clustersAuto: (not set) → 2..20");
        RunIdentity selected = new RunIdentity(plain.dataset(), plain.backbone(), plain.learner(), plain.refiner(), 3, "k", "default",
                "none", 1, "cpu", Map.of(), null, "silhouette");
        assertThat(IdentityChanges.between(plain, selected)).containsExactly("selectEpoch: (not set) → silhouette");
    }
}
