package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dclust.datasets.FashionMnistLoadBenchmarkTest.usedHeap;
import static org.dclust.datasets.Loads.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.spi.DatasetProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load time and memory of the readers on files of the real data sets' sizes, written here with random
 * content (tagged slow, so not part of {@code mvn verify}): CIFAR-10 (60,000 binary records), a
 * 70,000×784 float32 .npy, and a 20,000×512 CSV of embeddings.
 */
@Tag("slow")
class ReadersLoadBenchmarkTest {
    @TempDir
    Path dir;

    static Dataset timed(String what, DatasetProvider p, Object... kv) {
        long before = usedHeap();
        long t0 = System.nanoTime();
        Dataset d = load(p, kv);
        double s = (System.nanoTime() - t0) / 1e9;
        long held = usedHeap() - before;
        long tensor = 4L * d.size() * d.featureSize();
        System.out.printf("%s: %d samples of %d values, load %.3f s; heap held %.1f MiB for a %.1f MiB float tensor (%.2f×)%n",
                what, d.size(), d.featureSize(), s, held / 1048576.0, tensor / 1048576.0, held / (double) tensor);
        assertThat(held).isLessThanOrEqualTo(2 * tensor);
        return d;
    }

    @Test
    void cifar10OfFullSize() throws IOException {
        Random rnd = new Random(1);
        byte[] batch = new byte[10_000 * 3073];
        for (String f : Cifar10Provider.FILES) {
            rnd.nextBytes(batch);
            for (int r = 0; r < 10_000; r++) {
                batch[r * 3073] = (byte) rnd.nextInt(10);
            }
            Files.write(dir.resolve(f), batch);
        }
        Dataset d = timed("cifar10", new Cifar10Provider(), "dir", dir.toString());
        assertThat(d.size()).isEqualTo(60_000);
    }

    @Test
    void npyOfMnistSize() throws IOException {
        int n = 70_000;
        int f = 784;
        Path file = dir.resolve("x.npy");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(DataTestFiles.npy("<f4", new int[] {n, f}));
            ByteBuffer row = ByteBuffer.allocate(4 * f).order(ByteOrder.LITTLE_ENDIAN);
            Random rnd = new Random(2);
            for (int i = 0; i < n; i++) {
                row.clear();
                for (int j = 0; j < f; j++) {
                    row.putFloat(rnd.nextFloat());
                }
                out.write(row.array());
            }
        }
        assertThat(timed("features (.npy 70000×784 float32)", new FeaturesProvider(), "path", file.toString()).size()).isEqualTo(n);
    }

    @Test
    void csvOfEmbeddings() throws IOException {
        int n = 20_000;
        int f = 512;
        Path file = dir.resolve("emb.csv");
        Random rnd = new Random(3);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                StringBuilder b = new StringBuilder().append(i % 10);
                for (int j = 0; j < f; j++) {
                    b.append(',').append(String.format("%.6f", rnd.nextGaussian()));
                }
                w.write(b.append('\n').toString());
            }
        }
        assertThat(timed("features (CSV 20000×512)", new FeaturesProvider(), "path", file.toString(), "label", "0").size()).isEqualTo(n);
    }
}
