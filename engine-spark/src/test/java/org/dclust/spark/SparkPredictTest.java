package org.dclust.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.dclust.framework.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dclust predict --shards ... --engine spark} writes, per shard, what the in-process predict writes for that file. */
class SparkPredictTest {
    private static final int DIM = 8;

    @Test
    void shardsOnLocalTwoEqualInProcessPredictOfEachShard(@TempDir Path tmp) throws IOException {
        float[][] x = blobs(150);
        writeCsv(tmp.resolve("train.csv"), x, 0, 150);
        assertThat(Main.execute("run", "--dataset", "features", "--set", "dataset.path=" + tmp.resolve("train.csv"), "--clusters", "3",
                "--learner", "ae", "--refiner", "centroid", "--set", "learner.pretrainEpochs=2", "--set", "mlp.hidden=16,16",
                "--set", "mlp.latentDim=3", "--no-cache", "--no-tsne", "--out", tmp.resolve("run").toString()))
                .isZero();
        Path shards = Files.createDirectories(tmp.resolve("shards"));
        writeCsv(shards.resolve("part-0.csv"), x, 0, 50);
        writeNpy(shards.resolve("part-1.npy"), x, 50, 100);
        writeCsv(shards.resolve("part-2.csv"), x, 100, 150);
        String model = tmp.resolve("run/model").toString();

        assertThat(Main.execute("predict", "--model", model, "--dataset", "features", "--shards", shards.toString(), "--proba",
                "--engine", "spark", "--master", "local[2]", "--out", tmp.resolve("spark").toString())).isZero();

        for (String shard : new String[] {"part-0.csv", "part-1.npy", "part-2.csv"}) {
            Path single = tmp.resolve("single-" + shard + ".csv");
            assertThat(Main.execute("predict", "--model", model, "--dataset", "features", "--set", "dataset.path=" + shards.resolve(shard),
                    "--proba", "--out", single.toString())).isZero();
            String name = shard.substring(0, shard.indexOf('.')) + ".csv";
            assertThat(Files.readString(tmp.resolve("spark").resolve(name))).isEqualTo(Files.readString(single));
            assertThat(Files.readAllLines(single)).hasSize(51).first().isEqualTo("index,cluster,p0,p1,p2");
        }
    }

    /** Three well separated Gaussian blobs in {@value #DIM} dimensions, seeded. */
    private static float[][] blobs(int n) {
        Random r = new Random(7);
        float[][] x = new float[n][DIM];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) ((j == i % 3 ? 4 : 0) + r.nextGaussian() * 0.3);
            }
        }
        return x;
    }

    private static void writeCsv(Path file, float[][] x, int from, int to) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            for (int j = 0; j < DIM; j++) {
                s.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", x[i][j]));
            }
            s.append('\n');
        }
        Files.writeString(file, s);
    }

    /** A NumPy .npy file (format 1.0, little-endian float32, C order) of rows {@code from..to-1}. */
    private static void writeNpy(Path file, float[][] x, int from, int to) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + (to - from) + ", " + DIM + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + (to - from) * DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (int i = from; i < to; i++) {
            for (float v : x[i]) {
                b.putFloat(v);
            }
        }
        Files.write(file, b.array());
    }
}
