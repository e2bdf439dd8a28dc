package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.train.EventSink;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.dclust.framework.DclustModule;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyPlan;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, item 7: learner variants in study files (one plugin under several names with their own
 * settings and backbones), checked before anything trains, and the cells of study files written before
 * variants existed keeping their identity.
 */
class StudyVariantsTest {
    private final StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);

    private static final class Notes implements EventSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String message) {
            lines.add(message);
        }
    }

    private static StudyFile study(Path tmp, String yaml) throws IOException {
        return StudyFile.read(Files.writeString(tmp.resolve("s.yaml"), yaml));
    }

    private List<String> problems(Path tmp, String yaml) throws IOException {
        StudyFile s = study(tmp, yaml);
        return catchThrowableOfType(InvalidParameterException.class, () -> runner.resolve(s)).problems();
    }

    private static String grid(String learners) {
        return """
                name: v
                datasets:
                  - {name: fashion-mnist-small, label: fm, set: {n: 120}}
                learners: %s
                refiners: [centroid]
                seeds: [1]
                set: {ae.pretrainEpochs: 1, mlp.hidden: "16,16"}
                """.formatted(learners);
    }

    // the cells of study files written before variants existed keep their identity

    /**
     * The fixtures are the cells (result.json, identity.json, config.yaml) that dclust wrote before
     * variants existed (commit cdaed9a), for two study files: plain learner names without a backbone
     * (each learner's default) and with a study-wide backbone and settings by plugin name. Started
     * again on them, a study must keep every finished cell: rerunning them would cost a user hours. (A
     * deliberate change of a default parameter changes the identities too; then write the fixtures
     * again: {@code ./dclust study STUDY.yaml --out DIR} and copy those three files per cell.)
     */
    @Test
    void finishedCellsWrittenBeforeVariantsExistedAreKept(@TempDir Path tmp) throws Exception {
        for (String name : List.of("before-variants-a", "before-variants-b")) {
            Path dir = copyFixture(name, tmp.resolve(name));
            StudyPlan plan = runner.plan(StudyFile.read(dir.resolve("study.yaml")));
            Notes notes = new Notes();
            var progress = runner.resume(plan, dir, notes);
            assertThat(progress.done().keySet()).as(name).extracting(StudyCell::id).containsExactlyElementsOf(
                    plan.cells().stream().map(StudyCell::id).toList());
            assertThat(notes.lines).as(name).containsExactly("study: " + plan.cells().size() + " of " + plan.cells().size()
                    + " cells already ran in " + dir);
        }
        assertThat(tmp.resolve("before-variants-a/cells/fm120/identity+centroid/seed1/result.json")).exists();
    }

    /** An unfinished cell started before variants existed resumes: its identity.json matches, it is not deleted. */
    @Test
    void anUnfinishedCellStartedBeforeVariantsExistedIsLeftToResume(@TempDir Path tmp) throws Exception {
        Path dir = copyFixture("before-variants-b", tmp.resolve("b"));
        Path cell = dir.resolve("cells/fm120/ae+centroid/seed2");
        Files.delete(cell.resolve("result.json"));
        Notes notes = new Notes();
        var progress = runner.resume(runner.plan(StudyFile.read(dir.resolve("study.yaml"))), dir, notes);
        assertThat(progress.done()).isEmpty();
        assertThat(notes.lines).isEmpty();
        assertThat(cell.resolve("identity.json")).exists();
    }

    private static Path copyFixture(String name, Path to) throws IOException {
        Path from = Path.of("src/test/resources/study-fixtures", name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    // resolution: backbones and settings per entry

    @Test
    void eachEntryGetsItsBackboneAndItsSettingsOverTheStudys(@TempDir Path tmp) throws Exception {
        Map<StudyCell, ResolvedRun> runs = runner.resolve(study(tmp, grid("""
                [ae, {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine, learner.pretrainEpochs: 3}}, moco,
                  {name: ae-wide, learner: ae, backbone: mlp, set: {backbone.hidden: "32,32"}}]""")));
        Map<String, ResolvedRun> byName = new java.util.LinkedHashMap<>();
        runs.forEach((c, r) -> byName.put(c.learner().name, r));
        assertThat(byName).containsOnlyKeys("ae", "ae-aug", "moco", "ae-wide");
        assertThat(byName.get("ae").learner().params().asMap()).containsEntry("pretrainEpochs", 1).containsEntry("pretrainAugment", "none");
        // the variant's learner.pretrainEpochs replaces the study's ae.pretrainEpochs (no "set twice")
        assertThat(byName.get("ae-aug").learner().params().asMap()).containsEntry("pretrainEpochs", 3).containsEntry("pretrainAugment", "affine");
        assertThat(byName.get("moco").backbone().provider().name()).as("moco's own default").isEqualTo("resnet");
        assertThat(byName.get("ae").backbone().provider().name()).isEqualTo("mlp");
        assertThat(byName.get("ae-wide").backbone().params().asMap()).containsEntry("hidden", "32,32");
        assertThat(byName.get("ae").backbone().params().asMap()).containsEntry("hidden", "16,16");
        // a plain entry's configuration is what it was before variants: the study's settings in file order, then the data set's
        assertThat(byName.get("ae").config().set).containsExactly(Map.entry("ae.pretrainEpochs", 1), Map.entry("mlp.hidden", "16,16"),
                Map.entry("dataset.n", 120));
        assertThat(byName.get("ae").config().backbone).isEqualTo("mlp");
    }

    @Test
    void aStudyWideDataSetSettingReachesTheCellsAndTheEntrysOwnWins(@TempDir Path tmp) throws Exception {
        String yaml = grid("[ae]").replace("set: {ae.", "set: {dataset.normalize: unit, ae.")
                .replace("set: {n: 120}}", "set: {n: 120}}\n  - {name: fashion-mnist-small, label: fm2, set: {n: 90, normalize: none}}");
        Map<StudyCell, ResolvedRun> runs = runner.resolve(study(tmp, yaml));
        assertThat(runs.values()).extracting(r -> r.dataset().params().asMap().get("normalize")).containsExactly("unit", "none");
    }

    @Test
    void variantProblemsNameTheirEntryAndAreFoundBeforeTraining(@TempDir Path tmp) throws Exception {
        assertThat(problems(tmp, grid("[ae, {name: ae-r, learner: ae, backbone: resnet}]"))).singleElement().asString()
                .startsWith("learner ae-r: the learner ae needs a decoder (it reconstructs its input), and the backbone resnet builds an encoder only");
        assertThat(problems(tmp, grid("[ae, {name: x, learner: aee}]"))).singleElement().asString()
                .startsWith("learner entry 'x': unknown learner 'aee'");
        assertThat(problems(tmp, grid("[ae, {name: x, learner: ae, backbone: mpl}]"))).singleElement().asString()
                .startsWith("learner entry 'x': unknown backbone 'mpl'");
        assertThat(problems(tmp, grid("[ae, {name: x, learner: ae, set: {dcss.epochs: 2}}]"))).singleElement().asString()
                .isEqualTo(tmp.resolve("s.yaml") + ", learner entry x's set: setting 'dcss.epochs' names no plugin of its cells; use a role"
                        + " (backbone, learner, refiner) or a plugin's name (ae, mlp, centroid)");
        assertThat(problems(tmp, grid("[ae, {name: x, learner: ae, set: {ae.pretrainAugment: spin}}]"))).singleElement().asString()
                .startsWith(tmp.resolve("s.yaml") + ", learner entry x's set: ae.pretrainAugment = spin is not valid");
    }

    /**
     * A study setting that an entry sets itself does not reach that entry's cells: where every entry
     * replaces it, it is no problem; where both are wrong, the entry's is the one its cells use and name.
     */
    @Test
    void aStudySettingAnEntryReplacesIsNeitherUsedNorBlamedThere(@TempDir Path tmp) throws Exception {
        String yaml = grid("[{name: a1, learner: ae, set: {learner.pretrainAugment: affine}}]").replace("set: {ae.", "set: {ae.pretrainAugment: spin, ae.");
        assertThat(runner.resolve(study(tmp, yaml)).values()).extracting(r -> r.learner().params().asMap().get("pretrainAugment"))
                .containsExactly("affine");
        String recipe = " is not valid: unknown augmentation recipe 'spin'";
        assertThat(problems(tmp, yaml.replace("[{name: a1", "[ae, {name: a1"))).singleElement().asString()
                .startsWith(tmp.resolve("s.yaml") + ", the study's set: ae.pretrainAugment = spin" + recipe);
        assertThat(problems(tmp, yaml.replace("learner.pretrainAugment: affine", "learner.pretrainAugment: spin"))).singleElement().asString()
                .startsWith(tmp.resolve("s.yaml") + ", learner entry a1's set: ae.pretrainAugment = spin" + recipe);
    }

    @Test
    void twoEntriesThatRunTheSameCellsAreRefused(@TempDir Path tmp) throws Exception {
        assertThat(problems(tmp, grid("[ae, {name: ae2, learner: ae, set: {ae.pretrainAugment: none}}]"))).containsExactly(
                "learner entries ae and ae2 run the same cells (learner ae, backbone mlp, the same settings): list it once, or give a variant"
                        + " the settings that make it differ");
        // a plugin under its name and an alias, as before variants existed
        assertThat(problems(tmp, grid("[ae, ae-kmeans]"))).singleElement().asString().startsWith("learner entries ae and ae-kmeans run the same cells");
    }

    @Test
    void aBadVariantOnTheCommandLineIsOneMessageExitTwoAndNothingWritten(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("s.yaml"), grid("[ae, {name: ae-r, learner: ae, backbone: resnet}]"));
        Outcome o = CliEndToEndTest.dclust("study", f.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).as(o.err()).isEqualTo(2);
        assertThat(o.err()).startsWith("error: learner ae-r: the learner ae needs a decoder").doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    // end to end: two variants of one learner

    @Test
    void twoVariantsOfOneLearnerRunApartAndBothAppearInTheResults(@TempDir Path tmp) throws Exception {
        StudyFile s = study(tmp, grid("[ae, {name: ae-aug, learner: ae, set: {ae.pretrainAugment: affine}}]")
                .replace("ae.pretrainEpochs: 1", "ae.pretrainEpochs: 2")
                + "reference:\n  source: made up\n  figures: {ae-aug+centroid: {acc: 50.5, nmi: 40.25}}\n");
        Path dir = tmp.resolve("out");
        runner.run(s, dir, EventSink.NONE, () -> false);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1)).startsWith("fm,ae,centroid,1,");
        assertThat(csv.get(2)).startsWith("fm,ae-aug,centroid,1,");
        ObjectMapper om = new ObjectMapper();
        JsonNode plain = om.readTree(dir.resolve("cells/fm/ae+centroid/seed1/result.json").toFile());
        JsonNode aug = om.readTree(dir.resolve("cells/fm/ae-aug+centroid/seed1/result.json").toFile());
        assertThat(aug.at("/identity/learner/params/pretrainAugment").asText()).isEqualTo("affine");
        assertThat(plain.at("/identity/learner/params/pretrainAugment").asText()).isEqualTo("none");
        // trained apart (not the plain pretraining from the study's cache): other clusters
        assertThat(Files.readString(dir.resolve("cells/fm/ae-aug+centroid/seed1/assignments.csv")))
                .isNotEqualTo(Files.readString(dir.resolve("cells/fm/ae+centroid/seed1/assignments.csv")));
        JsonNode results = om.readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/runs/1/cell").asText()).isEqualTo("fm/ae-aug+centroid/seed1");
        assertThat(Files.readString(dir.resolve("results.md"))).contains("Learner variants: `ae-aug` = ae, ae.pretrainAugment = affine.",
                "| ae-aug+centroid | 1 |", "| 50.50 | 40.25 |");
    }
}
