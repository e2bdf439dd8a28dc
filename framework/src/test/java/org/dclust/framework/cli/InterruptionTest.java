package org.dclust.framework.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line an interrupted run or study prints: where it stopped and the exact command that continues it. */
class InterruptionTest {
    @AfterEach
    void noLauncher() {
        System.clearProperty(Interruption.LAUNCHER);
    }

    @Test
    void anUnfinishedRunIsContinuedWithResume(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("runs/x"));
        assertThat(Interruption.runLine(dir)).as("nothing written yet: nothing to continue").isNull();
        Files.writeString(dir.resolve("config.yaml"), "seed: 1\n");
        assertThat(Interruption.runLine(dir)).isEqualTo("interrupted: the run stopped before its first checkpoint (continuing it starts its"
                + " training again); continue it with: ./dclust run --resume " + dir);
        Files.createDirectories(dir.resolve("checkpoints/pretrain"));
        assertThat(Interruption.runLine(dir)).as("a phase's checkpoint is complete once its meta.json is there").startsWith(
                "interrupted: the run stopped before its first checkpoint");
        Files.writeString(dir.resolve("checkpoints/pretrain/meta.json"), "{}");
        assertThat(Interruption.runLine(dir)).isEqualTo("interrupted: the run stopped at its last checkpoint; continue it with: ./dclust run"
                + " --resume " + dir);
        Files.writeString(dir.resolve("result.json"), "{}");
        assertThat(Interruption.runLine(dir)).as("it finished").isNull();
    }

    @Test
    void aStudyIsContinuedWithItsFileItsDirectoryAndItsEngine() {
        assertThat(Interruption.studyLine(Path.of("studies/quick.yaml"), Path.of("runs/study-quick"), List.of())).isEqualTo("interrupted:"
                + " the study stopped; its finished cells are kept and its unfinished one resumes from its last checkpoint; continue it with:"
                + " ./dclust study studies/quick.yaml --out runs/study-quick");
        assertThat(Interruption.studyLine(Path.of("s.yaml"), Path.of("out"), List.of("--engine", "spark", "--master", "local[2]")))
                .endsWith("continue it with: ./dclust study s.yaml --out out --engine spark --master 'local[2]'");
    }

    @Test
    void theCommandIsTheLaunchersAndEachWordIsQuotedWhereTheShellNeedsIt() {
        System.setProperty(Interruption.LAUNCHER, "/opt/my dclust/dclust");
        assertThat(Interruption.command("run", "--resume", "runs/it's here", "runs/a+b_c-1.2")).isEqualTo(
                "'/opt/my dclust/dclust' run --resume 'runs/it'\\''s here' runs/a+b_c-1.2");
        assertThat(Interruption.quote("")).isEqualTo("''");
        assertThat(Interruption.quote("$HOME")).isEqualTo("'$HOME'");
    }

    @Test
    void theHookIsHeldWhileTheCommandTrainsAndPrintsOnlyWhenThereIsALine() {
        Interruption i = Interruption.during(System.err, false, () -> "x");
        assertThat(i.held()).isTrue();
        i.close();
        assertThat(i.held()).isFalse();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Interruption.report(err, true, () -> "interrupted: ...");
        Interruption.report(err, false, () -> null);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\ninterrupted: ...\n");
    }
}
