package org.dclust.framework.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.param.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading study files: every field typed, every problem named with its line, column and field path. */
class StudyFileTest {
    @TempDir
    Path tmp;

    private Path file(String yaml) throws IOException {
        Path f = tmp.resolve("study.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private List<String> problems(String yaml) throws IOException {
        return catchThrowableOfType(InvalidParameterException.class, () -> StudyFile.read(file(yaml))).problems();
    }

    @Test
    void aValidStudyGivesEveryField() throws IOException {
        StudyFile s = StudyFile.read(file("""
                name: t
                datasets:
                  - {name: synthetic, label: blobs, set: {n: 200, shape: moons}}
                  - name: fashion-mnist-small
                learners: [ae, dcss]
                refiners: [centroid]
                seeds: [3, 4]
                backbone: conv
                preset: quick
                preprocessing: minmax
                clusters: 5
                device: cpu
                set: {mlp.latentDim: 8}
                plots: false
                tsne: true
                reference:
                  source: a paper
                  figures: {ae+centroid: {acc: 57.94, nmi: 57}}
                """));
        assertThat(s.name).isEqualTo("t");
        assertThat(s.datasets).extracting(d -> d.name, StudyFile.DatasetEntry::label)
                .containsExactly(tuple("synthetic", "blobs"), tuple("fashion-mnist-small", "fashion-mnist-small"));
        assertThat(s.datasets.get(0).set).containsExactly(entry("n", 200), entry("shape", "moons"));
        assertThat(s.learners).extracting(l -> l.name, StudyFile.LearnerEntry::learner, l -> l.variant)
                .containsExactly(tuple("ae", "ae", false), tuple("dcss", "dcss", false));
        assertThat(s.refinerNames()).containsExactly("centroid");
        assertThat(s.seeds).containsExactly(3L, 4L);
        assertThat(List.of(s.backbone, s.preset, s.preprocessing, s.device)).containsExactly("conv", "quick", "minmax", "cpu");
        assertThat(s.clusters).isEqualTo(org.dclust.framework.config.ClusterCount.of(5));
        assertThat(s.set).containsEntry("mlp.latentDim", 8);
        assertThat(s.plots).isFalse();
        assertThat(s.tsne).isTrue();
        assertThat(s.references).singleElement().satisfies(r -> {
            assertThat(r.source).isEqualTo("a paper");
            assertThat(r.dataset).isNull();
            assertThat(r.figures).containsEntry("ae+centroid", Map.of("acc", 57.94, "nmi", 57.0));
        });
    }

    @Test
    void seedsDefaultToOne() throws IOException {
        StudyFile s = StudyFile.read(file("datasets: [{name: synthetic}]\nlearners: [ae]\nrefiners: [centroid]\n"));
        assertThat(s.seeds).containsExactly(1L);
    }

    @Test
    void everyProblemOfTheFileIsListedInFileOrder() throws IOException {
        List<String> p = problems("""
                name: x
                datasets:
                  - {name: synthetic, lable: s1, set: {n: [1]}}
                  - synthetic
                  - {label: y}
                learners: ae
                refiners: []
                seeds: [1, 2.5, a]
                plots: maybe
                reference:
                  figures: {ae+centroid: {acc: high}}
                learners: [dec]
                """);
        String f = tmp.resolve("study.yaml").toString();
        assertThat(p).containsExactly(
                f + ", line 3, column 23: unknown field 'datasets[1].lable' (did you mean label?); the fields of datasets[1] are: name, label, set",
                f + ", line 3, column 43: datasets[1].set.n: expected one value (a number, text or true/false), found a list;"
                        + " a list-valued parameter takes comma-separated text, e.g. mlp.hidden: 500,500,2000",
                f + ", line 4, column 5: datasets[2]: expected a mapping, e.g. {name: fashion-mnist, label: fmnist, set: {n: 20000}},"
                        + " found 'synthetic'",
                f + ", line 5, column 5: datasets[3]: 'name' is missing: give the data set plugin, e.g. name: fashion-mnist",
                f + ", line 6, column 11: learners: expected a list of names or mappings, e.g. learners: [ae, {name: ae-aug,"
                        + " learner: ae, set: {ae.pretrainAugment: affine}}], found 'ae'",
                f + ", line 8, column 12: seeds[2]: expected an integer, found 2.5",
                f + ", line 8, column 17: seeds[3]: expected an integer, found 'a'",
                f + ", line 9, column 8: plots: expected true or false, found 'maybe'",
                f + ", line 11, column 32: reference.figures.ae+centroid.acc: expected a number, found 'high'",
                f + ", line 12, column 1: 'learners' is given twice (first on line 6); give each field once",
                f + ": no refiners given; a study needs at least one of each: datasets, learners, refiners and seeds"
                        + " (e.g. learners: [ae, dcss])");
    }

    @Test
    void anEmptyGridSaysWhichListsAreMissing() throws IOException {
        assertThat(problems("name: x\nseeds: []\n")).containsExactly(tmp.resolve("study.yaml") + ": no datasets, no learners, no refiners,"
                + " no seeds given; a study needs at least one of each: datasets, learners, refiners and seeds (e.g. learners: [ae, dcss])");
        assertThat(problems("")).singleElement().asString().endsWith("study.yaml is empty: write the study file's fields as 'field: value' lines");
        assertThat(problems("learners: [ae\n")).singleElement().asString().contains("line 2, column 1: not valid YAML");
    }

    // data set labels name the cells' directories: they must be unique and directory names

    private static Path write(Path dir, String datasets, String seeds) throws Exception {
        return Files.writeString(dir.resolve("s.yaml"), "name: s\ndatasets:\n" + datasets + "learners: [ae]\nrefiners: [centroid]\nseeds: " + seeds + "\n");
    }

    @Test
    void twoDataSetsWithOneLabelAreRefused(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: blobs, set: {n: 200}}\n  - {name: synthetic, label: blobs, set: {n: 300}}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(f)).isInstanceOf(InvalidParameterException.class)
                .hasMessage(f + ": 2 dataset entries share the label 'blobs': give each entry its own label (label: NAME), which names its "
                        + "cells directory and its table");
    }

    @Test
    void labelsThatDifferOnlyInCaseOrDefaultToOneNameClashToo(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: Blobs}\n  - {name: synthetic, label: blobs}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessageContaining("2 dataset entries share the label 'Blobs' (as Blobs, blobs; case does not count)");
        Path g = write(tmp, "  - {name: synthetic, set: {n: 200}}\n  - {name: synthetic, set: {n: 300}}\n", "[1]");
        assertThatThrownBy(() -> StudyFile.read(g)).hasMessageContaining("2 dataset entries share the label 'synthetic'");
    }

    @Test
    void aLabelThatIsNoDirectoryNameAndARepeatedSeedAreRefused(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: ../up}\n", "[1, 2, 1]");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessage("2 configuration problems:\n  - " + f + ": dataset label '../up' cannot name a directory: use letters,"
                + " digits and . _ + - (not first)\n  - " + f + ": seed 1 is listed twice");
    }

    @Test
    void aNameWithASlashIsRefused(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), "name: ../elsewhere\ndatasets: [{name: synthetic}]\nlearners: [ae]\nrefiners: [centroid]\nseeds: [1]\n");
        assertThatThrownBy(() -> StudyFile.read(f)).hasMessage(f + ": name '../elsewhere' cannot name a directory (runs/study-NAME): give one "
                + "without / or \\");
    }

    @Test
    void distinctLabelsAreRead(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "  - {name: synthetic, label: blobs-200, set: {n: 200}}\n  - {name: synthetic, label: blobs_300.v2, set: {n: 300}}\n", "[1, 2]");
        assertThat(StudyFile.read(f).datasets).extracting(StudyFile.DatasetEntry::label).containsExactly("blobs-200", "blobs_300.v2");
    }

    // learner entries: plain names or variants

    @Test
    void learnerEntriesArePlainNamesOrVariants() throws IOException {
        StudyFile s = StudyFile.read(file("""
                datasets: [{name: synthetic}]
                learners:
                  - ae
                  - {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}
                  - {name: moco, backbone: resnet}
                refiners: [centroid]
                """));
        assertThat(s.learners).extracting(l -> l.name, StudyFile.LearnerEntry::learner, l -> l.backbone, l -> l.variant)
                .containsExactly(tuple("ae", "ae", null, false), tuple("ae-aug", "ae", null, true), tuple("moco", "moco", "resnet", true));
        assertThat(s.learners.get(1).set).containsExactly(entry("ae.pretrainAugment", "affine"));
        assertThat(s.learners.get(1).describe()).isEqualTo("ae, ae.pretrainAugment = affine");
        assertThat(s.learners.get(2).describe()).isEqualTo("moco, backbone resnet");
    }

    @Test
    void aLearnerEntryWithAnUnknownFieldNoNameOrAListIsRefused() throws IOException {
        String f = tmp.resolve("study.yaml").toString();
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [{name: a, learner: ae, settings: {x: 1}}, {learner: ae}, [ae]]
                refiners: [centroid]
                """)).containsExactly(
                f + ", line 2, column 35: unknown field 'learners[1].settings' (did you mean set?); the fields of learners[1] are: name,"
                        + " learner, backbone, set",
                f + ", line 2, column 54: learners[2]: 'name' is missing: give the entry's name in tables and directories, e.g. name: ae-aug"
                        + " (and learner: ae, the plugin)",
                f + ", line 2, column 69: learners[3]: expected a name or a mapping, e.g. [ae, {name: ae-aug, learner: ae, set:"
                        + " {ae.pretrainAugment: affine}}], found a list");
    }

    @Test
    void learnerNamesAreUniqueIgnoringCaseAndNameADirectoryWithoutPlus() throws IOException {
        String f = tmp.resolve("study.yaml").toString();
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [ae, {name: AE, learner: ae, set: {ae.pretrainEpochs: 2}}, {name: ae+x, learner: ae}]
                refiners: [centroid]
                """)).containsExactly(
                f + ": learner name 'ae+x' cannot name a directory: use letters, digits and . _ - (not first; no +, which joins it to the"
                        + " refiner)",
                f + ": 2 learner entries are named 'ae' (as ae, AE; case does not count): give each its own name (name: NAME), which names"
                        + " its cells directory and its rows");
    }

    @Test
    void referenceFiguresMustNameAPipelineOfTheStudy() throws IOException {
        String f = tmp.resolve("study.yaml").toString();
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [ae, {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}]
                refiners: [centroid]
                reference:
                  figures: {ae-aug+centroid: {acc: 50}, ae-aug+centriod: {acc: 51}}
                """)).containsExactly(f + ": reference figures 'ae-aug+centriod' name no pipeline of this study (did you mean"
                + " ae-aug+centroid?); its pipelines are LEARNER+REFINER with the learner entries' names: ae+centroid, ae-aug+centroid");
    }

    @Test
    void referencesMayBeAListEachOnItsOwnDataSet() throws IOException {
        StudyFile s = StudyFile.read(file("""
                datasets: [{name: synthetic}]
                learners: [moco]
                refiners: [centroid, mnet]
                reference:
                  - {source: DCSS Table 5, dataset: CIFAR-10, figures: {moco+centroid: {acc: 74.11, nmi: 66.22}}}
                  - {source: DCSS Table 5, dataset: CIFAR-100-20, figures: {moco+mnet: {acc: 44.01}}}
                """));
        assertThat(s.references).extracting(r -> r.dataset).containsExactly("CIFAR-10", "CIFAR-100-20");
        assertThat(s.references.get(1).figures).containsExactly(entry("moco+mnet", Map.of("acc", 44.01)));
    }

    @Test
    void besideEntriesNameAResultsFileAndPipelines() throws IOException {
        StudyFile s = StudyFile.read(file("""
                datasets: [{name: synthetic}]
                learners: [secu]
                refiners: [centroid, mnet]
                beside:
                  - {results: results/table5-moco/results.json, pipelines: [moco+centroid]}
                """));
        assertThat(s.beside).singleElement().satisfies(b -> {
            assertThat(b.pipelines).containsExactly("moco+centroid");
            assertThat(b.path(s.file)).isEqualTo(tmp.toAbsolutePath().resolve("results/table5-moco/results.json"));
        });
        String f = tmp.resolve("study.yaml").toString();
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [secu]
                refiners: [centroid]
                beside:
                  - {pipelines: [dcss+mnet]}
                  - {results: r.json, pipelines: [dcss]}
                """)).containsExactly(
                f + ", line 5, column 5: beside[1]: 'results' is missing: give the other study's results.json, relative to this file's folder,"
                        + " e.g. results: results/table4-fashion-mnist/results.json",
                f + ", line 6, column 34: beside[2].pipelines: expected LEARNER+REFINER in each name, as the other study's cells name"
                        + " them, e.g. [dcss+mnet] ('dcss' is not of that form), found a list");
        Files.createDirectories(tmp.resolve("results/t4"));
        Files.writeString(tmp.resolve("results/notes.md"), "# not JSON");
        Files.writeString(tmp.resolve("results/empty.json"), "{}");
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [secu]
                refiners: [centroid]
                beside:
                  - {results: results/t4, pipelines: [dcss+mnet]}
                  - {results: results/notes.md, pipelines: [dcss+mnet]}
                  - {results: results/empty.json, pipelines: [dcss+mnet]}
                  - {results: results/not-yet.json, pipelines: [dcss+mnet]}
                """)).containsExactly(
                f + ": beside results 'results/t4' (" + tmp.toAbsolutePath().resolve("results/t4") + ") is a folder: give the results.json in it",
                f + ": beside results 'results/notes.md' (" + tmp.toAbsolutePath().resolve("results/notes.md")
                        + ") is not a study's results.json: it is not readable JSON",
                f + ": beside results 'results/empty.json' (" + tmp.toAbsolutePath().resolve("results/empty.json")
                        + ") is not a study's results.json: it has no list of runs");
        assertThat(problems("""
                datasets: [{name: synthetic}]
                learners: [secu]
                refiners: [centroid]
                beside:
                  - {results: results/not-yet.json, pipelines: dcss+mnet}
                """)).as("one problem, not also a missing field").containsExactly(f + ", line 5, column 48: beside[1].pipelines: expected a list"
                + " of names, e.g. pipelines: [dcss+mnet, moco+centroid], found 'dcss+mnet'");
    }
}
