package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dclust.dist.CliEndToEndTest.dclust;

import com.google.inject.Guice;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.PluginInfo;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.dclust.framework.DclustModule;
import org.dclust.framework.registry.PluginRegistry;
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
                + "  - " + study + ", the study's set: setting 'foo.bar' names no plugin of this study; use a role (dataset, backbone, learner,"
                + " refiner) or a plugin's name (ae, mlp, centroid, mnet, dcss)\n"
                + "  - " + study + ", learner entry ae-x's set: setting 'foo.baz' names no plugin of its cells; use a role (backbone, learner,"
                + " refiner) or a plugin's name (ae, mlp, centroid, mnet)");
        assertThat(tmp.resolve("run")).doesNotExist();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /**
     * A parameter a plugin does not take, or a value it cannot take, names the set it was written in
     * (the study's, a learner entry's, a data set entry's) and the file, once, however many cells it reaches.
     */
    @Test
    void aStudySettingsProblemNamesTheSetItCameFrom(@TempDir Path tmp) throws Exception {
        Path study = tmp.resolve("s.yaml");
        Files.writeString(study, "datasets: [{name: synthetic, label: blobs, set: {sampels: 90}}]\n"
                + "learners: [ae, {name: ae-x, learner: ae, set: {ae.pretrainEpochz: 3, mlp.latentDim: 0}}, dcss]\n"
                + "refiners: [centroid, mnet]\nseeds: [1, 2]\nset: {learner.pretrainEpochy: 2, dataset.dim: many}\n");
        Outcome o = dclust("study", study.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).isEqualTo(2);
        String ae = "; ae takes: pretrainEpochs, pretrainLr, batchSize, pretrainAugment, kmeansRestarts";
        assertThat(o.err().lines().map(String::strip).toList()).containsExactly("error: 6 configuration problems:",
                "- " + study + ", the study's set: synthetic.dim = many is not valid: expected an integer in [2, 100000]",
                "- " + study + ", data set entry blobs's set: unknown parameter synthetic.sampels; synthetic takes: "
                        + takes(DatasetProvider.class, "synthetic"),
                "- " + study + ", the study's set: unknown parameter ae.pretrainEpochy" + ae,
                "- " + study + ", learner entry ae-x's set: mlp.latentDim = 0 is not valid: expected an integer in [1, 4096]",
                "- " + study + ", learner entry ae-x's set: unknown parameter ae.pretrainEpochz" + ae,
                "- " + study + ", the study's set: unknown parameter dcss.pretrainEpochy; dcss takes: " + takes(LearnerProvider.class, "dcss"));
        assertThat(o.err()).doesNotContain("\tat ");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    /** The parameters a plugin declares, as "unknown parameter" lists them. */
    private static String takes(Class<? extends PluginInfo> kind, String name) {
        PluginInfo p = Guice.createInjector(new DclustModule()).getInstance(PluginRegistry.class).get(kind, name);
        return String.join(", ", p.parameters().stream().map(ParamSpec::name).toList());
    }
}
