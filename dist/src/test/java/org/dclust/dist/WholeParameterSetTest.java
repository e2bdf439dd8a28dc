package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each provider checks its whole parameter set when the configuration is resolved
 * ({@code PluginInfo.validate}): a cross-parameter problem (MNet's gamma above zeta) and a malformed
 * text value (mlp's hidden sizes) are reported with every other problem, before anything is trained,
 * for a run and for every cell of a study.
 */
class WholeParameterSetTest {
    @Test
    void aRunReportsEveryProblemBeforeTraining(@TempDir Path tmp) {
        CliEndToEndTest.Outcome o = CliEndToEndTest.dclust("run", "--learner", "ae", "--refiner", "mnet", "--set", "mnet.gamma=0.9",
                "--set", "mnet.zeta=0.5", "--set", "mlp.hidden=500,x", "--set", "learner.pretrainEpochs=-1", "--out", tmp.resolve("run").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("3 configuration problems", "mnet.gamma = 0.9 exceeds mnet.zeta = 0.5", "choose gamma <= zeta",
                "mlp.hidden = 500,x is not valid", "ae.pretrainEpochs = -1").doesNotContain("\tat ");
        assertThat(o.out()).doesNotContain("pretrain");
    }

    @Test
    void aStudyReportsTheProblemsOfEveryCellBeforeTraining(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, String.join("\n",
                "name: s",
                "datasets: [{name: fashion-mnist-small}]",
                "learners: [ae, dec]",
                "refiners: [centroid, mnet]",
                "preset: quick",
                "set: {mnet.gamma: 0.9, mnet.zeta: 0.5}", ""));
        CliEndToEndTest.Outcome o = CliEndToEndTest.dclust("study", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(o.code()).as(o.out()).isEqualTo(2);
        assertThat(o.err()).contains("mnet.gamma = 0.9 exceeds mnet.zeta = 0.5");
        assertThat(tmp.resolve("out").resolve("cells")).doesNotExist();
    }
}
