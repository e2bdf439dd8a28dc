package org.dclust.framework.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.framework.run.RunIdentity;
import org.dclust.framework.run.RunRecord;
import org.junit.jupiter.api.Test;

/** results.md from hand-made runs: means, and the cluster-size columns that reveal merged clusters. */
class StudyReportTest {
    @Test
    void tableShowsMeansTheLargestClusterAndEmptyClustersPerSeed() {
        StudyFile s = study(List.of("mnet"), List.of(1L, 2L));
        StudyFile.DatasetEntry d = s.datasets.get(0);
        StudyCell a = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("mnet"), 1);
        StudyCell b = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("mnet"), 2);
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        done.put(a, run(0.50, new int[] {50, 30, 20}));
        done.put(b, run(0.40, new int[] {70, 30, 0}));
        String md = StudyReport.markdown(s, List.of(a, b), done, Map.of());
        // ACC 45.00 ± 7.07; largest cluster 50 % and 70 %: 60.00 ± 14.14; empty clusters 0 and 1
        assertThat(md).contains("| ae+mnet | 2 | 45.00 ± 7.07 |", "| 60.00 ± 14.14 | 0, 1 |");
    }

    /** F1 beside ACC, NMI and ARI; a gain-over-centroid table for every other refiner (MNet, proximity...). */
    @Test
    void f1ColumnsAndTheGainOfEveryRefinerOverCentroid() {
        StudyFile s = study(List.of("centroid", "mnet", "proximity"), List.of(1L));
        s.set.put("proximity.hops", 8);
        s.set.put("learner.pretrainEpochs", 3);
        StudyFile.DatasetEntry d = s.datasets.get(0);
        StudyCell a = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("centroid"), 1);
        StudyCell b = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("mnet"), 1);
        StudyCell c = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("proximity"), 1);
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        done.put(a, RunRecord.of(null, Map.of("acc", 0.5, "nmi", 0.4, "ari", 0.3, "f1-macro", 0.25, "f1-micro", 0.5), Map.of(), new int[] {1, 1}, null));
        done.put(b, run(0.55, new int[] {1, 1}));
        done.put(c, run(0.62, new int[] {1, 1}));
        String md = StudyReport.markdown(s, List.of(a, b, c), done, Map.of());
        assertThat(md).contains("| pipeline | seeds | ACC | NMI | ARI | F1-macro | F1-micro |", "| ae+centroid | 1 | 50.00 | 40.00 | 30.00 | 25.00 | 50.00 |",
                "Gain from MNet over centroid", "| ae | 50.00 | 55.00 | +5.00 |  |", "Gain from proximity over centroid",
                "| learner | + centroid | + proximity | gain | published gain |", "| ae | 50.00 | 62.00 | +12.00 |  |",
                "Settings of every cell (the study's `set`; an entry's own setting of the same parameter replaces it): proximity.hops = 8, "
                        + "learner.pretrainEpochs = 3.\n");
    }

    /**
     * Figures published on another data set (DCSS Table 5: CIFAR) are labelled with it in every column
     * and in the header line, which says they are not this study's data; a variant's name is its row.
     */
    @Test
    void figuresOnAnotherDataSetAreLabelledWithItAndVariantsAreRowsOfTheirOwn() {
        StudyFile s = study(List.of("centroid", "mnet"), List.of(1L));
        StudyFile.LearnerEntry aug = new StudyFile.LearnerEntry();
        aug.name = "ae-aug";
        aug.learner = "ae";
        aug.variant = true;
        aug.set.put("ae.pretrainAugment", "affine");
        s.learners.add(aug);
        for (String[] r : new String[][] {{"CIFAR-10", "74.11", "76.24"}, {"CIFAR-100-20", "43.18", "44.01"}}) {
            StudyFile.Reference ref = new StudyFile.Reference();
            ref.source = "DCSS Table 5";
            ref.dataset = r[0];
            ref.figures.put("ae-aug+centroid", Map.of("acc", Double.parseDouble(r[1])));
            ref.figures.put("ae-aug+mnet", Map.of("acc", Double.parseDouble(r[2])));
            s.references.add(ref);
        }
        StudyFile.DatasetEntry d = s.datasets.get(0);
        StudyCell a = new StudyCell(d, aug, StudyFile.RefinerEntry.of("centroid"), 1);
        StudyCell b = new StudyCell(d, aug, StudyFile.RefinerEntry.of("mnet"), 1);
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        done.put(a, run(0.50, new int[] {1, 1}));
        done.put(b, run(0.55, new int[] {1, 1}));
        String md = StudyReport.markdown(s, List.of(a, b), done, Map.of());
        assertThat(md).contains("Learner variants: `ae-aug` = ae, ae.pretrainAugment = affine.",
                "Published figures on CIFAR-10, not on this study's data (for orientation only: not comparable figure for figure): DCSS Table 5.",
                "Published figures on CIFAR-100-20, not on this study's data",
                "| published ACC on CIFAR-10 | published NMI on CIFAR-10 | published ACC on CIFAR-100-20 | published NMI on CIFAR-100-20 |",
                "| ae-aug+centroid | 1 | 50.00 |", "| 74.11 |  | 43.18 |  |",
                "| learner | + centroid | + mnet | gain | published gain on CIFAR-10 | published gain on CIFAR-100-20 |",
                "| ae-aug | 50.00 | 55.00 | +5.00 | +2.13 | +0.83 |")
                .doesNotContain("ae+centroid").doesNotContain("Published figures:");
    }

    /**
     * The phase-1 seconds per epoch are the learner's clustering phase's (acai's 2.5 s), never the
     * refiner's (proximity's 1.0 s), whether the record names the refiner's phases or, written before
     * it did, the cell's refiner plugin stands for them; a learner with no phase of its own (ae) has none.
     */
    @Test
    void phase1SecondsPerEpochAreTheLearnersNotTheRefiners() {
        Map<String, Double> spe = new LinkedHashMap<>();
        spe.put("acai", 2.5);
        spe.put("proximity", 1.0);
        assertThat(StudyReport.phase1SecondsPerEpoch(timed(spe, List.of("proximity")), "proximity")).isEqualTo(2.5);
        assertThat(StudyReport.phase1SecondsPerEpoch(timed(spe, null), "proximity")).isEqualTo(2.5);
        // a third-party refiner whose phase is not named after it: only the record's own list can tell
        Map<String, Double> other = new LinkedHashMap<>();
        other.put("pretrain", 0.8);
        other.put("dcss", 4.0);
        other.put("refine", 1.0);
        assertThat(StudyReport.phase1SecondsPerEpoch(timed(other, List.of("refine")), "my-refiner")).isEqualTo(4.0);
        Map<String, Double> ae = new LinkedHashMap<>();
        ae.put("pretrain", 0.8);
        ae.put("proximity", 1.0);
        assertThat(StudyReport.phase1SecondsPerEpoch(timed(ae, List.of("proximity")), "proximity")).isNaN();
    }

    private static RunRecord timed(Map<String, Double> secondsPerEpoch, List<String> refinerPhases) {
        RunRecord.Times t = new RunRecord.Times("2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "h", 2, null, 1, Map.of("total", 60.0),
                secondsPerEpoch, Map.of(), Map.of(), refinerPhases);
        return RunRecord.of(null, Map.of("acc", 0.5), Map.of(), new int[] {1, 1}, t);
    }

    /**
     * Rows another study measured (SeCu's report beside moco + centroid and dcss + mnet): read from its
     * results.json, relative to the study file's folder, only the cells of this data set's label, with
     * the commit beside them; a pipeline with no runs there and a file not written yet are said so.
     */
    @Test
    void otherStudiesRowsAreReadFromTheirResultsNotRetrained(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path other = java.nio.file.Files.createDirectories(tmp.resolve("studies/results/table4"));
        java.nio.file.Files.writeString(other.resolve("results.json"), """
                {"study": "table4", "runs": [
                  {"cell": "synthetic/dcss+mnet/seed1", "metrics": {"acc": 0.60, "nmi": 0.50, "ari": 0.40, "f1-macro": 0.55, "f1-micro": 0.60}},
                  {"cell": "synthetic/dcss+mnet/seed2", "metrics": {"acc": 0.70, "nmi": 0.50, "ari": 0.40, "f1-macro": 0.55, "f1-micro": 0.70}},
                  {"cell": "cifar10/dcss+mnet/seed1", "metrics": {"acc": 0.10, "nmi": 0.10, "ari": 0.10, "f1-macro": 0.10, "f1-micro": 0.10}},
                  {"cell": "cifar10/moco+mnet/seed1", "metrics": {"acc": 0.10, "nmi": 0.10, "ari": 0.10, "f1-macro": 0.10, "f1-micro": 0.10}},
                  {"cell": "synthetic/dcss+centroid/seed1", "metrics": {"acc": 0.20, "nmi": 0.20, "ari": 0.20, "f1-macro": 0.20, "f1-micro": 0.20}}
                ]}
                """);
        java.nio.file.Files.writeString(other.resolve("commit"), "abf57cc95e37ead8b4b90c69b10d4b374045e7f7\n");
        StudyFile s = study(List.of("centroid"), List.of(1L));
        s.file = tmp.resolve("studies/secu.yaml");
        StudyFile.Beside table4 = new StudyFile.Beside();
        table4.results = "results/table4/results.json";
        table4.pipelines = List.of("dcss+mnet", "moco+centroid", "moco+mnet");
        StudyFile.Beside moco = new StudyFile.Beside();
        moco.results = "results/table5-moco/results.json";
        moco.pipelines = List.of("moco+centroid");
        s.beside.addAll(List.of(table4, moco));
        String md = StudyReport.markdown(s, List.of(), Map.of(), Map.of());
        assertThat(md).contains("Beside, measured by other studies on data labelled synthetic (read from their results, not retrained here",
                "| dcss+mnet | results/table4/results.json (commit abf57cc) | 2 | 65.00 ± 7.07 | 50.00 ± 0.00 | 40.00 ± 0.00 | 55.00 ± 0.00 | 65.00 ± 7.07 |",
                "| moco+centroid | results/table4/results.json (commit abf57cc) | no pipeline moco+centroid in it (it has dcss+centroid, dcss+mnet,"
                        + " moco+mnet) |",
                "| moco+mnet | results/table4/results.json (commit abf57cc) | no finished runs on data labelled synthetic (it has them on cifar10) |",
                "| moco+centroid | results/table5-moco/results.json | no such file yet |");
        assertThat(study(List.of("centroid"), List.of(1L)).beside).isEmpty();
        assertThat(StudyReport.markdown(study(List.of("centroid"), List.of(1L)), List.of(), Map.of(), Map.of())).doesNotContain("Beside");
    }

    /**
     * Under the same label another study may have had other data (a 20,000-image subset beside all 70,000):
     * once this study has finished runs, only the other runs on the same content give figures, and a
     * pipeline with none says so instead of standing beside as a comparison.
     */
    @Test
    void otherStudiesRowsOnOtherDataGiveNoFigures(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path other = java.nio.file.Files.createDirectories(tmp.resolve("studies/results/t4"));
        java.nio.file.Files.writeString(other.resolve("results.json"), """
                {"study": "t4", "runs": [
                  {"cell": "synthetic/dcss+mnet/seed1", "identity": {"dataset": {"fingerprint": "sha256:all", "size": 70000}},
                   "metrics": {"acc": 0.60, "nmi": 0.50, "ari": 0.40, "f1-macro": 0.55, "f1-micro": 0.60}},
                  {"cell": "synthetic/dcss+mnet/seed2", "identity": {"dataset": {"fingerprint": "sha256:sub", "size": 20000}},
                   "metrics": {"acc": 0.90, "nmi": 0.90, "ari": 0.90, "f1-macro": 0.90, "f1-micro": 0.90}},
                  {"cell": "synthetic/ae+mnet/seed1", "identity": {"dataset": {"fingerprint": "sha256:sub", "size": 20000}},
                   "metrics": {"acc": 0.90, "nmi": 0.90, "ari": 0.90, "f1-macro": 0.90, "f1-micro": 0.90}}
                ]}
                """);
        StudyFile s = study(List.of("centroid"), List.of(1L));
        s.file = tmp.resolve("studies/mine.yaml");
        StudyFile.Beside b = new StudyFile.Beside();
        b.results = "results/t4/results.json";
        b.pipelines = List.of("dcss+mnet", "ae+mnet");
        s.beside.add(b);
        assertThat(StudyReport.markdown(s, List.of(), Map.of(), Map.of())).contains(
                "| dcss+mnet | results/t4/results.json, 20,000 and 70,000 samples | 2 | 75.00 ± 21.21 |");
        StudyCell mine = new StudyCell(s.datasets.get(0), s.learners.get(0), StudyFile.RefinerEntry.of("centroid"), 1);
        RunIdentity.DatasetIdentity all = new RunIdentity.DatasetIdentity("synthetic", Map.of(), "sha256:all", 70000, new int[] {8}, 3, null);
        RunIdentity id = new RunIdentity(all, new RunIdentity.PluginIdentity("mlp", Map.of()), new RunIdentity.PluginIdentity("ae", Map.of()),
                new RunIdentity.PluginIdentity("centroid", Map.of()), 3, "k", "default", "none", 1, "cpu", Map.of());
        Map<StudyCell, RunRecord> done = Map.of(mine, RunRecord.of(id, Map.of("acc", 0.5), Map.of(), new int[] {1, 1}, null));
        assertThat(StudyReport.markdown(s, List.of(mine), done, Map.of())).contains(
                "| dcss+mnet | results/t4/results.json, 70,000 samples | 1 | 60.00 | 50.00 |",
                "| ae+mnet | results/t4/results.json, 20,000 samples | other data: its runs had other samples under this label than this"
                        + " study's (content fingerprint sha256:sub, here sha256:all): not comparable |");
    }

    /** A finished run's warnings are listed under its cell, so they outlive the console of a long study. */
    @Test
    void theWarningsOfFinishedRunsAreListedByCell() {
        StudyFile s = study(List.of("centroid"), List.of(1L, 2L));
        StudyFile.DatasetEntry d = s.datasets.get(0);
        StudyCell a = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("centroid"), 1);
        StudyCell b = new StudyCell(d, s.learners.get(0), StudyFile.RefinerEntry.of("centroid"), 2);
        Map<StudyCell, RunRecord> done = new LinkedHashMap<>();
        done.put(a, RunRecord.of(null, Map.of("acc", 0.5), Map.of(), new int[] {1, 1}, null, null, Map.of(),
                List.of("warning: the autoencoder of the shared pretraining learned little: ...")));
        done.put(b, run(0.6, new int[] {1, 1}));
        String md = StudyReport.markdown(s, List.of(a, b), done, Map.of());
        assertThat(md).contains("## Warnings", "- `" + a.id() + "`: warning: the autoencoder of the shared pretraining learned little: ...\n")
                .doesNotContain("`" + b.id() + "`: warning");
        done.put(a, run(0.5, new int[] {1, 1}));
        assertThat(StudyReport.markdown(s, List.of(a, b), done, Map.of())).doesNotContain("## Warnings");
    }

    @Test
    void emptyClusterColumnIsBlankWhenARunHasNoSizes() {
        assertThat(StudyReport.counts(List.of(0.0, 2.0))).isEqualTo("0, 2");
        assertThat(StudyReport.counts(List.of(0.0, Double.NaN))).isEmpty();
    }

    /** A study of ae with these refiners on one data set. */
    private static StudyFile study(List<String> refiners, List<Long> seeds) {
        StudyFile s = new StudyFile();
        s.name = "t";
        StudyFile.DatasetEntry d = new StudyFile.DatasetEntry();
        d.name = "synthetic";
        s.datasets.add(d);
        s.learners.add(StudyFile.LearnerEntry.of("ae"));
        refiners.forEach(r -> s.refiners.add(StudyFile.RefinerEntry.of(r)));
        s.seeds = seeds;
        return s;
    }

    private static RunRecord run(double acc, int[] sizes) {
        return RunRecord.of(null, Map.of("acc", acc, "nmi", acc, "ari", acc), Map.of(), sizes, null);
    }

    /** result.json written and read back keeps every field, and keeps the format's field names. */
    @Test
    void aRecordReadsBackAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        RunRecord.Times times = new RunRecord.Times("2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "h", 2,
                "AuthenticAMD family 26 model 2 (AMD EPYC), avx512f", 2, Map.of("total", 60.0),
                Map.of("pretrain", 1.5), Map.of("pretrain", List.of(RunRecord.EpochLine.of(1, 1.5, Map.of("loss", 0.25)))),
                Map.of("mnet.qResidual", new double[] {0.1, 0.2}), List.of("mnet"));
        RunRecord r = RunRecord.of(null, Map.of("acc", 0.5), Map.of("silhouette", 0.1), new int[] {3, 0, 1}, times, null, Map.of(),
                List.of("warning: the clusters collapsed: 1 of 3 clusters are empty"));
        r.write(tmp.resolve("result.json"));
        String text = java.nio.file.Files.readString(tmp.resolve("result.json"));
        assertThat(text).contains("\"format\" : \"dclust-result\"", "\"formatVersion\" : 1", "\"volatile\"", "\"epoch\" : 1",
                "\"loss\" : 0.25");
        RunRecord back = RunRecord.read(tmp.resolve("result.json"));
        assertThat(back.clusterSizes()).containsExactly(3, 0, 1);
        assertThat(back.emptyClusters()).isEqualTo(1);
        assertThat(back.largestShare()).isEqualTo(0.75);
        assertThat(back.times().epochs().get("pretrain").get(0).values()).containsEntry("loss", 0.25);
        assertThat(back.times().series().get("mnet.qResidual")).containsExactly(0.1, 0.2);
        assertThat(back.times().cpu()).isEqualTo("AuthenticAMD family 26 model 2 (AMD EPYC), avx512f");
        assertThat(back.times().refinerPhases()).containsExactly("mnet");
        assertThat(back.warnings()).containsExactly("warning: the clusters collapsed: 1 of 3 clusters are empty");
        java.nio.file.Files.writeString(tmp.resolve("older.json"), text.replaceAll("(?s)\"warnings\" : \\[[^\\]]*\\],", ""));
        assertThat(RunRecord.read(tmp.resolve("older.json")).warnings()).as("a record written before warnings were kept").isEmpty();
        java.nio.file.Files.writeString(tmp.resolve("newer.json"), text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunRecord.read(tmp.resolve("newer.json")))
                .hasMessageContaining("version 9").hasMessageContaining("versions 1 to 1");
    }
}
