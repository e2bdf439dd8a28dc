package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dclust.dist.CliEndToEndTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} and {@code --master} without the engine-spark module on the class path (dist's),
 * and {@code predict --shards} in this process: one CSV per shard, equal to predicting each file.
 */
class EngineOptionTest {
    @Test
    void anEngineThatIsNotOnTheClassPathIsAUserErrorAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("s.yaml"), StudyTest.STUDY);
        Outcome o = CliEndToEndTest.dclust("study", tmp.resolve("s.yaml").toString(), "--engine", "spark", "--master", "local[2]",
                "--out", tmp.resolve("out").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).startsWith("error: --engine spark: no such engine on the class path (here: local); ./dclust puts "
                + "engine-spark on it for --engine spark");
        assertThat(tmp.resolve("out")).doesNotExist();

        Outcome master = CliEndToEndTest.dclust("study", tmp.resolve("s.yaml").toString(), "--master", "local[2]");
        assertThat(master.code()).isEqualTo(2);
        assertThat(master.err()).startsWith("error: --master local[2] needs a distributed engine: add --engine spark");
    }

    @Test
    void shardsArePredictedOneCsvEachAsEachFileAlone(@TempDir Path tmp) throws Exception {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String row = (i % 2 == 0 ? "3," : "0,") + (i % 7) * 0.1 + "," + (i % 2 == 0 ? "0" : "3") + "\n";
            (i < 25 ? a : b).append(row);
        }
        Path shards = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(shards.resolve("part-a.csv"), a);
        Files.writeString(shards.resolve("part-b.csv.gz.txt"), b);
        Files.writeString(tmp.resolve("train.csv"), a.toString() + b);
        assertThat(CliEndToEndTest.dclust("run", "--dataset", "features", "--set", "dataset.path=" + tmp.resolve("train.csv"),
                "--clusters", "2", "--learner", "ae", "--refiner", "centroid", "--set", "learner.pretrainEpochs=1",
                "--set", "mlp.hidden=8,8", "--set", "mlp.latentDim=2", "--no-cache", "--no-tsne", "--out", tmp.resolve("run").toString())
                .code()).isZero();

        Outcome o = CliEndToEndTest.dclust("predict", "--model", tmp.resolve("run/model").toString(), "--dataset", "features",
                "--shards", shards + "/part-*", "--out", tmp.resolve("out").toString());

        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("40 samples in 2 shards assigned: " + tmp.resolve("out"));
        for (String[] shard : new String[][] {{"part-a.csv", "part-a.csv"}, {"part-b.csv.gz.txt", "part-b.csv"}}) {
            Path single = tmp.resolve(shard[0] + ".single.csv");
            assertThat(CliEndToEndTest.dclust("predict", "--model", tmp.resolve("run/model").toString(), "--dataset", "features",
                    "--set", "dataset.path=" + shards.resolve(shard[0]), "--out", single.toString()).code()).isZero();
            assertThat(Files.readString(tmp.resolve("out").resolve(shard[1]))).isEqualTo(Files.readString(single));
        }
        assertThat(Files.readAllLines(tmp.resolve("out/part-a.csv"))).hasSize(26);

        // again into the same --out: refused, saying what the directory holds
        Outcome again = CliEndToEndTest.dclust("predict", "--model", tmp.resolve("run/model").toString(), "--dataset", "features",
                "--shards", shards + "/part-*", "--out", tmp.resolve("out").toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).startsWith("error: --out " + tmp.resolve("out") + " already holds 2 CSV files (the predictions of an earlier run?)");

        // a shard with a label column the model never saw: the message names the shard and the fix, and nothing
        // stays half-written (part-a was predicted before part-c failed)
        Files.writeString(shards.resolve("part-c.csv"), b.toString().replace("\n", ",1\n"));
        Outcome bad = CliEndToEndTest.dclust("predict", "--model", tmp.resolve("run/model").toString(), "--dataset", "features",
                "--shards", shards + "/part-*", "--out", tmp.resolve("out2").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: shard " + shards.resolve("part-c.csv") + ": ")
                .contains("has 4 values per sample; the model was trained on 3: one more, as a label column makes; if the file has one, "
                        + "name it with --set features.label=COLUMN").doesNotContain("\tat ");
        assertThat(tmp.resolve("out2")).doesNotExist();
    }
}
