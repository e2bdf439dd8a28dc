package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.study.StudyCell;
import org.dclust.framework.study.StudyFile;
import org.dclust.framework.study.StudyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refiner variants in study files: one refiner plugin under several names with their own settings
 * ({@code mnet} beside {@code mnet-guard}), each refining the same phase-1 space, checked before
 * anything trains; a plain refiner name keeps the configuration it had before variants existed.
 */
class StudyRefinerVariantsTest {
    private final StudyRunner runner = Guice.createInjector(new DclustModule()).getInstance(StudyRunner.class);

    private static StudyFile study(Path tmp, String yaml) throws IOException {
        return StudyFile.read(Files.writeString(tmp.resolve("s.yaml"), yaml));
    }

    private List<String> problems(Path tmp, String yaml) throws IOException {
        StudyFile s = study(tmp, yaml);
        return catchThrowableOfType(InvalidParameterException.class, () -> runner.resolve(s)).problems();
    }

    private static String grid(String learners, String refiners) {
        return """
                name: v
                datasets:
                  - {name: fashion-mnist-small, label: fm, set: {n: 120}}
                learners: %s
                refiners: %s
                seeds: [1]
                set: {ae.pretrainEpochs: 1, mlp.hidden: "16,16", mnet.epochs: 2, mnet.uEpochs: 1, mnet.batchSize: 40}
                """.formatted(learners, refiners);
    }

    private static final String GUARD = "[centroid, mnet, {name: mnet-guard, refiner: mnet, set: {mnet.guard: true, refiner.guardMinShare: 0}}]";

    @Test
    void eachRefinerEntryGetsItsSettingsOverTheStudysAndTheLearnerEntrys(@TempDir Path tmp) throws Exception {
        Map<StudyCell, ResolvedRun> runs = runner.resolve(study(tmp, grid("[{name: a, learner: ae, set: {mnet.guardGrowth: 2.5,"
                + " mnet.guardMinShare: 0.3}}]", GUARD)));
        Map<String, ResolvedRun> byName = new LinkedHashMap<>();
        runs.forEach((c, r) -> byName.put(c.refiner().name, r));
        assertThat(byName).containsOnlyKeys("centroid", "mnet", "mnet-guard");
        assertThat(runs.keySet()).extracting(StudyCell::id).containsExactly("fm/a+centroid/seed1", "fm/a+mnet/seed1", "fm/a+mnet-guard/seed1");
        Map<String, Object> plain = byName.get("mnet").refiner().params().asMap();
        Map<String, Object> guarded = byName.get("mnet-guard").refiner().params().asMap();
        assertThat(byName.get("mnet-guard").refiner().provider().name()).isEqualTo("mnet");
        // the study's settings reach both; the learner entry's too, unless the refiner entry sets the same parameter
        assertThat(plain).containsEntry("guard", false).containsEntry("epochs", 2).containsEntry("guardGrowth", 2.5)
                .containsEntry("guardMinShare", 0.3);
        assertThat(guarded).containsEntry("guard", true).containsEntry("epochs", 2).containsEntry("guardGrowth", 2.5)
                .containsEntry("guardMinShare", 0.0);
        // both refine the same phase 1: learner and backbone resolve alike
        assertThat(byName.get("mnet-guard").learner().describe()).isEqualTo(byName.get("mnet").learner().describe());
    }

    /** A plain refiner name is configured exactly as before variants existed: the study's settings in file order, then the data set's. */
    @Test
    void aPlainRefinerEntryIsConfiguredAsBefore(@TempDir Path tmp) throws Exception {
        Map<StudyCell, ResolvedRun> runs = runner.resolve(study(tmp, grid("[ae]", "[mnet]")));
        assertThat(runs.values()).singleElement().satisfies(r -> assertThat(r.config().set).containsExactly(
                Map.entry("ae.pretrainEpochs", 1), Map.entry("mlp.hidden", "16,16"), Map.entry("mnet.epochs", 2), Map.entry("mnet.uEpochs", 1),
                Map.entry("mnet.batchSize", 40), Map.entry("dataset.n", 120)));
    }

    @Test
    void refinerVariantProblemsNameTheirEntryAndAreFoundBeforeTraining(@TempDir Path tmp) throws Exception {
        String f = tmp.resolve("s.yaml").toString();
        assertThat(problems(tmp, grid("[ae]", "[mnet, {name: x, refiner: mnett}]"))).singleElement().asString()
                .startsWith("refiner entry 'x': unknown refiner 'mnett'");
        // one typo, one message: the study's settings of mnet are not also reported as naming no plugin
        assertThat(problems(tmp, grid("[ae]", "[mnett]"))).singleElement().asString().startsWith("unknown refiner 'mnett'");
        assertThat(problems(tmp, grid("[ae]", "[mnet, {name: x, refiner: mnet, set: {ae.pretrainEpochs: 3}}]"))).singleElement().asString()
                .isEqualTo(f + ", refiner entry x's set: setting 'ae.pretrainEpochs' names no parameter of its refiner mnet; a refiner entry"
                        + " sets only its own refiner's parameters: mnet.PARAM or refiner.PARAM");
        assertThat(problems(tmp, grid("[ae]", "[mnet, {name: x, refiner: mnet, set: {mnet.guardGrowth: 0.5}}]"))).singleElement().asString()
                .startsWith(f + ", refiner entry x's set: mnet.guardGrowth = 0.5");
        assertThat(problems(tmp, grid("[ae]", "[mnet, {name: x, refiner: mnet, set: {mnet.guard: false}}]"))).containsExactly(
                "refiner entries mnet and x run the same cells (refiner mnet, the same settings): list it once, or give a variant the settings"
                        + " that make it differ");
        assertThat(problems(tmp, grid("[ae]", "[mnet, {name: g, refiner: mnet, set: {mnet.guard: true, refiner.guard: false}}]")))
                .containsExactly(f + ", refiner entry g's set: settings 'mnet.guard' and 'refiner.guard' both set the refiner's guard; give it once");
        // a name of another plugin would make its rows, gain tables and reference figures read as that plugin's
        assertThat(problems(tmp, grid("[ae]", "[{name: centroid, refiner: mnet}, {name: km, refiner: centroid}]"))).containsExactly(
                "refiner entry 'centroid' runs mnet under the name of the refiner centroid: its cells, rows and reference figures would read as"
                        + " centroid's; give it a name of its own");
        assertThat(problems(tmp, grid("[{name: dcss, learner: ae}]", "[centroid, mnet]"))).containsExactly(
                "learner entry 'dcss' runs ae under the name of the learner dcss: its cells, rows and reference figures would read as dcss's;"
                        + " give it a name of its own");
    }

    /**
     * A learner variant that sets only a refiner's parameter differs from the plain learner in that
     * refiner's cells and runs the same centroid cells: two entries, not one listed twice.
     */
    @Test
    void aLearnerVariantThatSetsARefinerParameterIsADifferentEntry(@TempDir Path tmp) throws Exception {
        Map<StudyCell, ResolvedRun> runs = runner.resolve(study(tmp, grid("[ae, {name: ae-g, learner: ae, set: {mnet.guard: true}}]",
                "[centroid, mnet]")));
        assertThat(runs.keySet()).extracting(StudyCell::pipeline).containsExactly("ae+centroid", "ae+mnet", "ae-g+centroid", "ae-g+mnet");
        assertThat(runs.entrySet()).filteredOn(e -> e.getKey().pipeline().equals("ae-g+mnet")).singleElement()
                .satisfies(e -> assertThat(e.getValue().refiner().params().asMap()).containsEntry("guard", true));
    }

    @Test
    void refinerEntryNamesMustNameDirectoriesOnce(@TempDir Path tmp) {
        String f = tmp.resolve("s.yaml").toString();
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> study(tmp, grid("[ae]",
                "[mnet, {name: Mnet, refiner: mnet, set: {mnet.guard: true}}, {name: a+b, refiner: centroid}]"))).problems()).containsExactly(
                f + ": refiner name 'a+b' cannot name a directory: use letters, digits and . _ - (not first; no +, which joins it to the learner)",
                f + ": 2 refiner entries are named 'mnet' (as mnet, Mnet; case does not count): give each its own name (name: NAME), which"
                        + " names its cells directory and its rows");
    }

    /** End to end: the variant runs beside the plain refiner on the one phase 1, and both reach the results and the gain tables. */
    @Test
    void twoVariantsOfOneRefinerRunOnOnePhase1AndBothAppearInTheResults(@TempDir Path tmp) throws Exception {
        StudyFile s = study(tmp, grid("[ae]", GUARD));
        Path dir = tmp.resolve("out");
        runner.run(s, dir, EventSink.NONE, () -> false);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(2)).startsWith("fm,ae,mnet,1,");
        assertThat(csv.get(3)).startsWith("fm,ae,mnet-guard,1,");
        ObjectMapper om = new ObjectMapper();
        JsonNode plain = om.readTree(dir.resolve("cells/fm/ae+mnet/seed1/result.json").toFile());
        JsonNode guarded = om.readTree(dir.resolve("cells/fm/ae+mnet-guard/seed1/result.json").toFile());
        assertThat(plain.at("/identity/refiner/params/guard").asBoolean()).isFalse();
        assertThat(guarded.at("/identity/refiner/params/guard").asBoolean()).isTrue();
        assertThat(guarded.at("/identity/refiner/name").asText()).isEqualTo("mnet");
        // one pretraining in the study's cache serves all three cells
        try (var entries = Files.list(dir.resolve("cache/pretrain"))) {
            assertThat(entries.toList()).hasSize(1);
        }
        assertThat(Files.readString(dir.resolve("results.md"))).contains(
                "Refiner variants: `mnet-guard` = mnet, mnet.guard = true, refiner.guardMinShare = 0.",
                "| ae+mnet-guard | 1 |", "Gain from mnet-guard over centroid");
    }
}
