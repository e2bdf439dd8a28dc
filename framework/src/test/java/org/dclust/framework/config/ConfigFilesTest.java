package org.dclust.framework.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading run configuration files: every problem named with its line, column, field and what was expected. */
class ConfigFilesTest {
    @TempDir
    Path tmp;

    private Path file(String yaml) throws IOException {
        Path f = tmp.resolve("run.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private List<String> problems(String yaml) throws IOException {
        return ConfigFiles.read(file(yaml)).readProblems;
    }

    @Test
    void aValidFileGivesEveryFieldWithTheTypesYamlGives() throws IOException {
        RunConfig c = ConfigFiles.read(file("""
                dataset: synthetic
                learner: dec
                refiner: centroid
                backbone: conv
                clusters: 7
                preset: quick
                preprocessing: minmax
                seed: 42
                device: cpu
                set: {learner.epochs: 3, learner.lr: 0.5, mlp.hidden: "64,64", dataset.shuffle: true, dataset.file: null}
                """));
        assertThat(c.readProblems).isEmpty();
        assertThat(List.of(c.dataset, c.learner, c.refiner, c.backbone, c.preset, c.preprocessing, c.device))
                .containsExactly("synthetic", "dec", "centroid", "conv", "quick", "minmax", "cpu");
        assertThat(c.clusters).isEqualTo(ClusterCount.of(7));
        assertThat(c.seed).isEqualTo(42L);
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("learner.epochs", 3);
        expected.put("learner.lr", 0.5);
        expected.put("mlp.hidden", "64,64");
        expected.put("dataset.shuffle", true);
        expected.put("dataset.file", null);
        assertThat(c.set).containsExactlyEntriesOf(expected);
    }

    @Test
    void whatARunWritesReadsBackUnchanged() throws IOException {
        RunConfig c = new RunConfig();
        c.dataset = "features";
        c.clusters = ClusterCount.of(4);
        c.seed = -3L;
        c.set.put("learner.epochs", "10");
        c.set.put("mlp.latentDim", 5);
        RunConfig back = ConfigFiles.read(file(ConfigFiles.toYaml(c)));
        assertThat(back.readProblems).isEmpty();
        assertThat(ConfigFiles.toYaml(back)).isEqualTo(ConfigFiles.toYaml(c));
        assertThat(back.set).containsExactlyEntriesOf(c.set);
    }

    @Test
    void aFractionIsNeverCutToAnInteger() throws IOException {
        RunConfig c = ConfigFiles.read(file("seed: 1.5\n"));
        assertThat(c.readProblems).containsExactly("%s, line 1, column 7: seed: expected an integer, found 1.5".formatted(tmp.resolve("run.yaml")));
        assertThat(problems("clusters: 2.0\n")).singleElement().asString().contains("line 1, column 11: clusters: expected a number of clusters (2 or more), auto, or auto:MIN..MAX (e.g. auto:2..20), found 2.0");
    }

    @Test
    void everyFieldOfTheWrongKindIsOneProblemAtItsLine() throws IOException {
        List<String> p = problems("""
                dataset: [mnist]
                learner: {name: dec}
                clusters: ten
                seed: [1]
                device:
                set: [learner.epochs]
                """);
        assertThat(p).hasSize(6);
        assertThat(p.get(0)).endsWith("line 1, column 10: dataset: expected a name or text, found a list");
        assertThat(p.get(1)).endsWith("line 2, column 10: learner: expected a name or text, found a mapping (field: value)");
        assertThat(p.get(2)).endsWith("line 3, column 11: clusters: expected a number of clusters (2 or more), auto, or auto:MIN..MAX (e.g. auto:2..20), found 'ten'");
        assertThat(p.get(3)).endsWith("line 4, column 7: seed: expected an integer, found a list");
        assertThat(p.get(4)).contains("line 5, column 8: device: expected a name or text, found no value");
        assertThat(p.get(5)).contains("line 6, column 6: set: expected settings");
        assertThat(String.join("\n", p)).doesNotContain("java.", "START_", "RunConfig", "Long", "Integer");
    }

    @Test
    void numbersBeyondTheirRangeNameTheRange() throws IOException {
        List<String> p = problems("seed: 99999999999999999999\nclusters: 3000000000\n");
        assertThat(p.get(0)).endsWith("seed: expected an integer in [-9223372036854775808, 9223372036854775807], found 99999999999999999999");
        assertThat(p.get(1)).endsWith("clusters: expected a number of clusters (2 or more), auto, or auto:MIN..MAX (e.g. auto:2..20), found 3000000000");
    }

    @Test
    void aRepeatedKeyIsAProblemNamingBothLines() throws IOException {
        RunConfig c = ConfigFiles.read(file("learner: dec\nseed: 2\nlearner: dcss\nset:\n  learner.epochs: 1\n  learner.epochs: 2\n"));
        assertThat(c.readProblems).hasSize(2);
        assertThat(c.readProblems.get(0)).endsWith("line 3, column 1: 'learner' is given twice (first on line 1); give each field once");
        assertThat(c.readProblems.get(1)).endsWith("line 6, column 3: 'set.learner.epochs' is given twice (first on line 5); give each field once");
    }

    @Test
    void anUnknownFieldNamesTheClosestAndAllKnownFields() throws IOException {
        assertThat(problems("lerner: dec\n")).containsExactly(tmp.resolve("run.yaml") + ", line 1, column 1: unknown field 'lerner'"
                + " (did you mean learner?); the fields are: dataset, learner, refiner, backbone, clusters, selectEpoch, preset,"
                + " preprocessing, seed, device, set");
        assertThat(problems("colour: red\n").get(0)).contains("unknown field 'colour'; the fields are: dataset,");
    }

    @Test
    void settingsTakeOneScalarEach() throws IOException {
        List<String> p = problems("set:\n  mlp.hidden: [500, 500]\n  learner: {epochs: 10}\n");
        assertThat(p).hasSize(2);
        assertThat(p.get(0)).contains("line 2, column 15: set.mlp.hidden: expected one value (a number, text or true/false), found a list;"
                + " a list-valued parameter takes comma-separated text");
        assertThat(p.get(1)).contains("line 3, column 12: set.learner: expected one value (a number, text or true/false), found a mapping"
                + " (field: value); write each setting on its own line");
    }

    @Test
    void emptyFilesSyntaxErrorsTabsAndOtherShapesAreOneClearProblem() throws IOException {
        assertThat(problems("")).singleElement().asString().endsWith("run.yaml is empty: write the configuration file's fields as 'field: value' lines");
        assertThat(problems("# only a comment\n")).singleElement().asString().contains("is empty");
        assertThat(problems("learner: dec\n\tseed: 2\n")).singleElement().asString()
                .endsWith("line 2, column 1: not valid YAML: a tab character; YAML indents with spaces only");
        assertThat(problems("learner: [dcss\n")).singleElement().asString()
                .contains("not valid YAML: expected ',' or ']'", "that starts on line 1, column 10");
        assertThat(problems("- a\n- b\n")).singleElement().asString()
                .endsWith("line 1, column 1: expected fields, one 'field: value' per line, found a list");
        assertThat(problems("just text\n")).singleElement().asString().endsWith("found 'just text'");
        assertThat(problems("seed: 1\n---\nseed: 2\n")).singleElement().asString()
                .endsWith("line 3, column 1: a second YAML document starts here; put the whole configuration file in one document");
    }

    @Test
    void anAliasIsRefusedNotReadAsItsName() throws IOException {
        List<String> p = problems("dataset: &d synthetic\nlearner: *d\n");
        assertThat(p).singleElement().asString().endsWith("line 2, column 10: learner: the alias *d is not supported here; write the value out");
    }

    @Test
    void clustersMayAskForAnEstimateAndSelectEpochNamesTheSelection() throws IOException {
        RunConfig c = ConfigFiles.read(file("clusters: auto:3..12\nselectEpoch: silhouette\n"));
        assertThat(c.readProblems).isEmpty();
        assertThat(c.clusters).isEqualTo(ClusterCount.auto(3, 12));
        assertThat(c.selectEpoch).isEqualTo("silhouette");
        assertThat(ConfigFiles.read(file("clusters: auto\n")).clusters).isEqualTo(ClusterCount.auto(2, 20));
        // written back as it was given, so config.yaml reproduces the run
        assertThat(ConfigFiles.toYaml(c)).contains("clusters: \"auto:3..12\"").contains("selectEpoch: \"silhouette\"");
        assertThat(ConfigFiles.read(file(ConfigFiles.toYaml(c))).clusters).isEqualTo(c.clusters);
        // an empty or too low range is the resolver's problem (with every other one); a misspelt one is the file's
        assertThat(ConfigFiles.read(file("clusters: auto:5..3\n")).clusters.problems()).containsExactly(
                "clusters = auto:5..3 is not valid: a range auto:MIN..MAX needs 2 <= MIN <= MAX (e.g. auto:2..20)");
        assertThat(ConfigFiles.read(file("clusters: auto:1..4\n")).clusters.problems()).singleElement().asString()
                .startsWith("clusters = auto:1..4 is not valid");
        assertThat(problems("clusters: auto:2-9\n")).singleElement().asString().endsWith("clusters: expected a number of clusters (2 or more), auto, or auto:MIN..MAX (e.g. auto:2..20), found 'auto:2-9'");
    }

    @Test
    void nullableFieldsMayBeEmpty() throws IOException {
        RunConfig c = ConfigFiles.read(file("clusters:\npreset: null\nset:\n"));
        assertThat(c.readProblems).isEmpty();
        assertThat(c.clusters).isNull();
        assertThat(c.preset).isNull();
        assertThat(c.set).isEmpty();
    }

    @Test
    void aMissingFileIsAnImmediateError() {
        assertThatThrownBy(() -> ConfigFiles.read(tmp.resolve("nope.yaml"))).isInstanceOf(DclustException.class)
                .hasMessageContaining("nope.yaml does not exist");
    }
}
