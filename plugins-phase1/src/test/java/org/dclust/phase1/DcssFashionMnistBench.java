package org.dclust.phase1;

import org.dclust.testkit.TestMetrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;
import org.dclust.phase1.backbone.ConvBackboneProvider;
import org.dclust.phase1.backbone.MlpBackboneProvider;
import org.dclust.phase1.learner.AeLearnerProvider;
import org.dclust.phase1.learner.DcssAggLearnerProvider;
import org.dclust.phase1.learner.DcssLearnerProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-data measurement (not run by {@code verify}): the first N Fashion-MNIST images (train then
 * test, as dcss_ref.py's {@code --n}), pretraining + DCSS phase 1 with the mlp backbone at batch 500,
 * seconds per epoch and ACC/NMI of ae + k-means and of the largest membership after phase 1, to set
 * beside {@code shared/reference/README.md}. Also runnable as a main:
 * {@code java ... DcssFashionMnistBench [n] [pretrainEpochs] [epochs] [seed] [learner] [backbone] [batchSize]}.
 */
@Tag("slow")
class DcssFashionMnistBench {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void referenceSchedule(@TempDir Path tmp) throws IOException {
        Map<String, Object> r = run(10_000, 20, 5, 0, "dcss", "mlp", 500, tmp);
        assertThat((double) r.get("dcssAcc")).isGreaterThan(0.35);
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int pre = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int ep = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 0;
        String learner = args.length > 4 ? args[4] : "dcss";
        String backbone = args.length > 5 ? args[5] : "mlp";
        int batch = args.length > 6 ? Integer.parseInt(args[6]) : 500;
        Path tmp = Files.createTempDirectory("dcss-bench");
        System.out.println(run(n, pre, ep, seed, learner, backbone, batch, tmp));
    }

    static Map<String, Object> run(int n, int pretrainEpochs, int epochs, long seed, String learner, String backboneName, int batch, Path tmp)
            throws IOException {
        Dataset data = load(n);
        BackboneProvider bp = backboneName.equals("conv") ? new ConvBackboneProvider() : new MlpBackboneProvider();
        var backbone = bp.create(Params.defaults(bp.name(), bp.parameters()));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] lastCpu = {os.getProcessCpuTime()};
        EventSink sink = new EventSink() {
            @Override
            public void phaseStarted(String phase, int epochs, int batches) {
                lastCpu[0] = os.getProcessCpuTime();
            }

            @Override
            public void epochEnded(EpochReport r) {
                long now = os.getProcessCpuTime();
                double c = (now - lastCpu[0]) / 1e9;
                lastCpu[0] = now;
                seconds.computeIfAbsent(r.phase(), k -> new ArrayList<>()).add(r.seconds());
                cpu.computeIfAbsent(r.phase(), k -> new ArrayList<>()).add(c);
                System.out.printf("%s %d/%d %.2fs wall %.2fs cpu %s%n", r.phase(), r.epoch(), r.epochs(), r.seconds(), c, r.values());
            }
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("seed", seed);
        out.put("backbone", backboneName);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(seed).clusters(10).backbone(backbone).events(sink)
                    .cacheDir(tmp.resolve("cache")).build();
            AeLearnerProvider ap = new AeLearnerProvider();
            long t0 = System.nanoTime();
            try (LatentModel lm = ap.create(Params.resolve("ae", ap.parameters(), Map.of("pretrainEpochs", pretrainEpochs, "batchSize", batch)))
                    .fit(data, ctx)) {
                int[] y = AeLearnerTest.centroid(lm).predict(data);
                out.put("aeAcc", TestMetrics.acc(data.labels(), y));
                out.put("aeNmi", TestMetrics.nmi(data.labels(), y));
            }
            out.put("aeWall", (System.nanoTime() - t0) / 1e9);
            LearnerProvider lp = learner.equals("dcss-agg") ? new DcssAggLearnerProvider() : new DcssLearnerProvider();
            t0 = System.nanoTime();
            try (LatentModel lm = lp.create(Params.resolve(learner, lp.parameters(),
                    Map.of("pretrainEpochs", pretrainEpochs, "epochs", epochs, "batchSize", batch))).fit(data, ctx)) {
                out.put("dcssWall", (System.nanoTime() - t0) / 1e9);
                ClusterModel cm = AeLearnerTest.centroid(lm);
                int[] y = cm.predict(data);
                out.put("dcssAcc", TestMetrics.acc(data.labels(), y));
                out.put("dcssNmi", TestMetrics.nmi(data.labels(), y));
            }
        }
        for (var e : seconds.entrySet()) {
            List<Double> s = new ArrayList<>(e.getValue());
            s.sort(null);
            out.put(e.getKey() + "EpochMedianS", s.get(s.size() / 2));
        }
        for (var e : cpu.entrySet()) {
            List<Double> s = new ArrayList<>(e.getValue());
            s.sort(null);
            out.put(e.getKey() + "EpochMedianCpuS", s.get(s.size() / 2));
        }
        return out;
    }

    /** The first n images of train then test, pixels in [0, 1], shape [1, 28, 28]. */
    static Dataset load(int n) throws IOException {
        float[] v = new float[n * 784];
        int[] y = new int[n];
        int filled = 0;
        for (String split : new String[] {"train", "t10k"}) {
            if (filled >= n) {
                break;
            }
            try (DataInputStream img = new DataInputStream(gz(DIR.resolve(split + "-images-idx3-ubyte.gz")));
                    DataInputStream lab = new DataInputStream(gz(DIR.resolve(split + "-labels-idx1-ubyte.gz")))) {
                img.readInt();
                int count = img.readInt();
                img.readInt();
                img.readInt();
                lab.readInt();
                lab.readInt();
                int take = Math.min(count, n - filled);
                byte[] buf = new byte[784];
                for (int i = 0; i < take; i++) {
                    img.readFully(buf);
                    for (int j = 0; j < 784; j++) {
                        v[(filled + i) * 784 + j] = (buf[j] & 0xff) / 255f;
                    }
                    y[filled + i] = lab.readUnsignedByte();
                }
                filled += take;
            }
        }
        return new Dataset("fashion-mnist-first-" + n, v, new int[] {1, 28, 28}, y, 10);
    }

    private static InputStream gz(Path p) throws IOException {
        return new GZIPInputStream(Files.newInputStream(p), 1 << 16);
    }
}
