package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.dclust.api.train.CancelledException;
import org.dclust.api.train.EventSink;
import org.dclust.framework.DclustModule;
import org.dclust.framework.config.ConfigResolver;
import org.dclust.framework.config.ResolvedRun;
import org.dclust.framework.config.RunConfig;
import org.dclust.framework.run.PipelineRunner;
import org.dclust.framework.run.RunOptions;
import org.dclust.framework.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the headline pipeline (dcss + mnet) stopped in the middle of training and started again on
 * its directory ends with the same labels.
 */
class ResumeTest {
    @Test
    void interruptedRunResumesToTheSameAssignments(@TempDir Path tmp) throws Exception {
        Injector injector = Guice.createInjector(new DclustModule());
        RunConfig c = new RunConfig();
        c.set.put("dataset.n", 300);
        c.preset = "quick";
        c.set.put("learner.pretrainEpochs", 4);
        c.set.put("learner.epochs", 1);
        c.set.put("refiner.epochs", 3);
        c.set.put("refiner.uEpochs", 1);
        c.set.put("mlp.hidden", "64,64");
        c.seed = 5L;
        ResolvedRun run = injector.getInstance(ConfigResolver.class).resolve(c);
        PipelineRunner runner = injector.getInstance(PipelineRunner.class);

        int[] uninterrupted;
        try (RunResult r = runner.run(run, new RunOptions(tmp.resolve("a"), null, EventSink.NONE, () -> false))) {
            uninterrupted = r.assignments();
        }

        AtomicInteger batches = new AtomicInteger();
        EventSink counter = new EventSink() {
            @Override
            public void batchDone(String phase) {
                batches.incrementAndGet();
            }
        };
        // 300 samples at batch 256 make 2 batches an epoch: stop in the middle of the third epoch
        // (checkpoints after every epoch, not only every 30 s as by default).
        assertThatThrownBy(() -> runner.run(run, new RunOptions(tmp.resolve("b"), null, counter, () -> batches.get() >= 5).withCheckpointSeconds(0)))
                .isInstanceOf(CancelledException.class);
        assertThat(tmp.resolve("b/result.json")).doesNotExist();
        assertThat(tmp.resolve("b/model")).doesNotExist();
        assertThat(Files.list(tmp.resolve("b")).map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        try (RunResult r = runner.run(run, new RunOptions(tmp.resolve("b"), null, EventSink.NONE, () -> false))) {
            assertThat(r.assignments()).containsExactly(uninterrupted);
            // only the unfinished epochs ran again
            assertThat(r.record().times().epochs().get("pretrain")).hasSize(2);
        }
    }

    /** A run continued on other data (or other settings) would mix checkpoints: it is refused, naming what changed. */
    @Test
    void aRunIsNotContinuedOnOtherData(@TempDir Path tmp) {
        Injector injector = Guice.createInjector(new DclustModule());
        RunConfig c = new RunConfig();
        c.set.put("dataset.n", 300);
        c.preset = "quick";
        c.set.put("learner.pretrainEpochs", 3);
        c.set.put("mlp.hidden", "32,32");
        PipelineRunner runner = injector.getInstance(PipelineRunner.class);
        ResolvedRun run = injector.getInstance(ConfigResolver.class).resolve(c);
        AtomicInteger batches = new AtomicInteger();
        EventSink counter = new EventSink() {
            @Override
            public void batchDone(String phase) {
                batches.incrementAndGet();
            }
        };
        assertThatThrownBy(() -> runner.run(run, new RunOptions(tmp.resolve("r"), null, counter, () -> batches.get() >= 3).withCheckpointSeconds(0)))
                .isInstanceOf(CancelledException.class);
        assertThat(tmp.resolve("r/identity.json")).exists();

        c.set.put("dataset.n", 301);
        ResolvedRun other = injector.getInstance(ConfigResolver.class).resolve(c);
        assertThatThrownBy(() -> runner.run(other, new RunOptions(tmp.resolve("r"), null, EventSink.NONE, () -> false)))
                .isInstanceOf(org.dclust.api.DclustException.class)
                .hasMessageContaining("started with other data or settings")
                .hasMessageContaining("dataset.fingerprint: sha256:")
                .hasMessageContaining("dataset.size: 300 → 301");
        assertThat(tmp.resolve("r/result.json")).doesNotExist();
    }
}
