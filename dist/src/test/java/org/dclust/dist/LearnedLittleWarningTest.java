package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.train.EventSink;
import org.dclust.framework.Dclust;
import org.dclust.framework.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warning that an autoencoder learned little (found by a new-user trial: it was said only by the
 * run that trained it) is said and recorded in result.json by every run that uses that autoencoder:
 * the run that trains it, a run whose phase 1 comes from the cache, and a run of another learner on the
 * cached pretraining.
 */
class LearnedLittleWarningTest {
    private static RunResult run(String learner, Path cache, List<String> said) {
        return Dclust.pipeline().dataset("synthetic", Map.of("clusters", 3, "n", 200)).learner(learner, Map.of("pretrainEpochs", 0))
                .backbone("mlp", Map.of("hidden", "16,16")).refiner("centroid").seed(1).cacheDirectory(cache).plots(false, false)
                .listener(new EventSink() {
                    @Override
                    public void info(String message) {
                        said.add(message);
                    }
                }).fit();
    }

    @Test
    void everyRunOnAnAutoencoderThatLearnedLittleSaysSoAndRecordsIt(@TempDir Path tmp) {
        Path cache = tmp.resolve("cache");
        for (int attempt = 1; attempt <= 2; attempt++) {
            List<String> said = new ArrayList<>();
            try (RunResult r = run("ae", cache, said)) {
                List<String> little = said.stream().filter(s -> s.startsWith("warning: the autoencoder of the shared pretraining learned little")).toList();
                assertThat(little).as("run %d (the second one loads phase 1 from the cache)", attempt).singleElement().asString()
                        .contains("above 100%: it has barely trained", "learner.pretrainEpochs");
                assertThat(r.record().warnings()).as("result.json, run %d", attempt).containsAll(little);
                if (attempt == 2) {
                    assertThat(said).anyMatch(s -> s.startsWith("phase 1 (ae) loaded from the cache"));
                }
            }
        }
        List<String> said = new ArrayList<>();
        try (RunResult r = run("dec", cache, said)) {
            assertThat(said).anyMatch(s -> s.startsWith("pretrained autoencoder loaded from the cache"));
            assertThat(r.record().warnings()).anyMatch(s -> s.startsWith("warning: the autoencoder of the shared pretraining learned little"));
        }
    }
}
