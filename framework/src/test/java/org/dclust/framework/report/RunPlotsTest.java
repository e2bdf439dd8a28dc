package org.dclust.framework.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.dclust.api.train.EpochReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlotsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static List<EpochReport> phase(String name, int epochs, boolean participation) {
        List<EpochReport> out = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("loss", 1.0 / e);
            if (participation) {
                v.put("participation", 0.2 + 0.05 * e);
                v.put("clusters used", e < 3 ? Double.NaN : 3.0);
            }
            out.add(new EpochReport(name, e, epochs, 0.1, v));
        }
        return out;
    }

    private static RunPlots.Scatter scatter(long seed) {
        Random r = new Random(seed);
        float[][] x = new float[90][5];
        int[] k = new int[90];
        for (int i = 0; i < 90; i++) {
            k[i] = i % 3;
            for (int c = 0; c < 5; c++) {
                x[i][c] = (float) (r.nextGaussian() + (c == k[i] ? 6 : 0));
            }
        }
        return new RunPlots.Scatter(x, k, seed);
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every reported per-epoch value and series gets its plot, by its own name: the framework knows no method. */
    @Test
    void writesEveryPlotWithData(@TempDir Path dir) throws IOException {
        Map<String, List<EpochReport>> epochs = new LinkedHashMap<>();
        epochs.put("pretrain", phase("pretrain", 20, false));
        epochs.put("mnet", phase("mnet", 10, true));
        double[] residual = new Random(1).doubles(500).map(v -> v * v * 1.4).toArray();
        Map<String, double[]> series = Map.of("mnet.qResidual", residual, "mnet.other", new double[] {1, 2});

        RunPlots.write(dir, epochs, series, scatter(1), scatter(2));

        assertThat(files(dir)).containsExactly("clusters_used.png", "loss.png", "mnet-other.png", "mnet-qResidual.png", "participation.png",
                "tsne-latent.png", "tsne-output.png");
        for (String f : files(dir)) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f));
            assertThat(bytes.length).as(f).isGreaterThan(1000);
            assertThat(Arrays.copyOf(bytes, 4)).as(f).isEqualTo(PNG);
        }
    }

    @Test
    void skipsPlotsWithoutData(@TempDir Path dir) throws IOException {
        RunPlots.write(dir.resolve("a"), Map.of("pretrain", phase("pretrain", 5, false)), Map.of("pretrain.other", new double[] {1}), null, null);
        assertThat(files(dir.resolve("a"))).containsExactly("loss.png");

        RunPlots.write(dir.resolve("b"), null, null, null, null);
        RunPlots.write(dir.resolve("c"), Map.of("x", List.of(new EpochReport("x", 1, 1, 0.1, Map.of()))),
                Map.of("mnet.qResidual", new double[0]), new RunPlots.Scatter(new float[0][], new int[0], 1), null);
        assertThat(files(dir.resolve("b"))).isEmpty();
        assertThat(files(dir.resolve("c"))).isEmpty();

        // a value that is never finite draws nothing
        RunPlots.write(dir.resolve("d"), Map.of("x", List.of(new EpochReport("x", 1, 1, 0.1, Map.of("gap", Double.NaN)))), null, null, null);
        assertThat(files(dir.resolve("d"))).isEmpty();
    }
}
