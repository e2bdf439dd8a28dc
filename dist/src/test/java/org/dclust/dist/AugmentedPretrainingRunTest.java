package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, item 6: augmented pretraining from the command line, and its user errors before anything is written. */
class AugmentedPretrainingRunTest {
    private static final String[] RUN = {"run", "--dataset", "fashion-mnist-small", "--set", "dataset.n=200", "--learner", "ae",
        "--refiner", "centroid", "--set", "learner.pretrainEpochs=2", "--set", "mlp.hidden=32", "--seed", "2", "--no-tsne"};

    private static String[] run(String... more) {
        String[] all = java.util.Arrays.copyOf(RUN, RUN.length + more.length);
        System.arraycopy(more, 0, all, RUN.length, more.length);
        return all;
    }

    @Test
    void anAugmentedPretrainingRunsIsRecordedAndCachedApartFromThePlainOne(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Outcome plain = CliEndToEndTest.dclust(run("--cache", cache.toString(), "--out", tmp.resolve("plain").toString()));
        assertThat(plain.code()).as(plain.err()).isZero();
        Outcome affine = CliEndToEndTest.dclust(run("--set", "learner.pretrainAugment=affine", "--cache", cache.toString(),
                "--out", tmp.resolve("affine").toString()));
        assertThat(affine.code()).as(affine.err()).isZero();
        assertThat(affine.err() + affine.out()).as("not the plain pretraining from the cache").doesNotContain("loaded from the cache");
        JsonNode r = new ObjectMapper().readTree(tmp.resolve("affine/result.json").toFile());
        assertThat(r.at("/identity/learner/params/pretrainAugment").asText()).isEqualTo("affine");
        try (var entries = Files.list(cache.resolve("pretrain"))) {
            assertThat(entries.count()).as("two pretraining cache entries").isEqualTo(2);
        }
    }

    @Test
    void aRecipeThatDoesNotParseAndVectorsToRotateAreUserErrors(@TempDir Path tmp) {
        Outcome bad = CliEndToEndTest.dclust(run("--set", "learner.pretrainAugment=spin", "--no-cache", "--out", tmp.resolve("a").toString()));
        assertThat(bad.code()).as(bad.err()).isEqualTo(2);
        assertThat(bad.err()).contains("error: ae.pretrainAugment = spin is not valid: unknown augmentation recipe 'spin'")
                .doesNotContain("\tat ", "epoch");
        assertThat(tmp.resolve("a")).doesNotExist();
        Outcome vectors = CliEndToEndTest.dclust("run", "--dataset", "synthetic", "--set", "dataset.samples=60", "--learner", "ae",
                "--refiner", "centroid", "--set", "learner.pretrainAugment=affine", "--no-cache", "--out", tmp.resolve("b").toString());
        assertThat(vectors.code()).as(vectors.err()).isEqualTo(2);
        assertThat(vectors.err()).contains("error: pretrainAugment = affine augments images, but the data set synthetic-blobs has samples "
                + "of shape [20] (not channels x height x width); use pretrainAugment=none").doesNotContain("\tat ", "pretrain   epoch");
        assertThat(tmp.resolve("b")).as("refused before the run directory is written").doesNotExist();
    }
}
