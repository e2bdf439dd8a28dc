package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dclust.dist.CliEndToEndTest.dclust;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration or study file's problems on the command line: one line each, with the command line's, exit 2, nothing written. */
class ConfigFileErrorsTest {
    @Test
    void fileProblemsJoinTheCommandLinesInOneList(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("my-run.yaml");
        Files.writeString(config, "seed: 1.5\nlearner: dec\nlearner: dcss\nlerner: ae\nset: {learner.epochs: [1, 2]}\n");
        Path out = tmp.resolve("out");
        Outcome o = dclust("run", "--config", config.toString(), "--refiner", "no-such-refiner", "--out", out.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("error: 5 configuration problems:\n"
                + "  - " + config + ", line 1, column 7: seed: expected an integer, found 1.5\n"
                + "  - " + config + ", line 3, column 1: 'learner' is given twice (first on line 2); give each field once\n"
                + "  - " + config + ", line 4, column 1: unknown field 'lerner' (did you mean learner?); the fields are: dataset, learner,");
        assertThat(o.err()).contains("  - " + config + ", line 5, column 23: set.learner.epochs: expected one value",
                "  - unknown refiner 'no-such-refiner'");
        assertThat(o.err()).doesNotContain("java.", "START_ARRAY", "RunConfig", "Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aStudyFileProblemIsAUserErrorWithItsLine(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("s.yaml");
        Files.writeString(study, "datasets: [{name: synthetic}]\nlearners: [ae]\nrefiners: [centroid]\nseeds: [1.5]\nseeds: [2]\n");
        Outcome o = dclust("study", study.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("error: 2 configuration problems:\n"
                + "  - " + study + ", line 4, column 9: seeds[1]: expected an integer, found 1.5\n"
                + "  - " + study + ", line 5, column 1: 'seeds' is given twice (first on line 4); give each field once");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** A setting that names no plugin lists each role and each plugin of the run (or study) once: no role twice, no aliases. */
    @Test
    void aSettingThatNamesNoPluginListsTheRolesAndPluginsOnce(@TempDir Path tmp) throws Exception {
        Outcome run = dclust("run", "--set", "foo.bar=1", "--out", tmp.resolve("run").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: setting 'foo.bar' names 'foo', which is not a plugin of this run; use a role (dataset,"
                + " backbone, learner, refiner) or a plugin's name (fashion-mnist-small, mlp, dcss, mnet)");
        Path study = tmp.resolve("s.yaml");
        Files.writeString(study, "datasets: [{name: synthetic}]\nlearners: [ae, {name: ae-x, learner: ae, set: {foo.baz: 2}}, dcss]\n"
                + "refiners: [centroid, mnet]\nset: {foo.bar: 1}\n");
        Outcome o = dclust("study", study.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().strip()).isEqualTo("error: 2 configuration problems:\n"
                + "  - study setting 'foo.bar' names no plugin of this study; use a role (dataset, backbone, learner, refiner) or a plugin's"
                + " name (ae, mlp, centroid, mnet, dcss)\n"
                + "  - learner entry 'ae-x': setting 'foo.baz' names no plugin of its cells; use a role (backbone, learner, refiner) or a"
                + " plugin's name (ae, mlp, centroid, mnet)");
        assertThat(tmp.resolve("run")).doesNotExist();
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
