package org.dclust.refiners.mnet;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;

/**
 * A manual experiment, not a test (it asserts nothing and is not run by {@code verify}): each
 * ';'-separated configuration (keys below; {@code m.*} are mnet parameters) prints the ACC of AE +
 * centroid and AE + mnet per seed. Run it as a program on the test class path, e.g.
 * {@code ./mvnw -pl plugins-refiners -am test-compile} then
 * {@code java -cp "plugins-refiners/target/test-classes:plugins-refiners/target/classes:..." org.dclust.refiners.mnet.MnetExploration "data=rings,r1=1,m.epochs=40;data=moons"}
 * (or {@code -Dexec.args=...} with the exec plugin and {@code -Dexec.classpathScope=test}).
 */
final class MnetExploration {
    private MnetExploration() {
    }

    /** Runs each configuration of {@code args[0]} (or of the system property {@code mnet.explore}). */
    public static void main(String[] args) throws Exception {
        String configs = args.length > 0 ? args[0] : System.getProperty("mnet.explore", "data=rings");
        for (String config : configs.split(";")) {
            Map<String, String> c = new LinkedHashMap<>();
            Map<String, Object> mp = new LinkedHashMap<>();
            for (String kv : config.split(",")) {
                String[] a = (kv + " ").split("=");
                if (a[0].trim().startsWith("m.")) {
                    mp.put(a[0].trim().substring(2), a[1].trim());
                } else {
                    c.put(a[0].trim(), a[1].trim());
                }
            }
            run(c, mp);
        }
    }

    private static double agreement(int[] y, int[] p) {
        int a = 0;
        for (int i = 0; i < y.length; i++) {
            a += y[i] == p[i] ? 1 : 0;
        }
        return a / (double) y.length;
    }

    private static void run(Map<String, String> c, Map<String, Object> mp) throws Exception {
        String kind = c.getOrDefault("data", "rings");
        int n = Integer.parseInt(c.getOrDefault("n", "400"));
        double noise = Double.parseDouble(c.getOrDefault("noise", "0.1"));
        double r1 = Double.parseDouble(c.getOrDefault("r1", "1"));
        double r2 = Double.parseDouble(c.getOrDefault("r2", "3"));
        int dim = Integer.parseInt(c.getOrDefault("dim", "20"));
        int latent = Integer.parseInt(c.getOrDefault("latent", "2"));
        String hidden = c.getOrDefault("hidden", "32:32").replace(':', ',');
        int pe = Integer.parseInt(c.getOrDefault("pe", "20"));
        int pb = Integer.parseInt(c.getOrDefault("pb", "32"));
        double plr = Double.parseDouble(c.getOrDefault("plr", "1e-3"));
        String[] seeds = c.getOrDefault("seeds", "1:2:3").split(":");
        String dump = c.getOrDefault("dump", "");
        System.out.println("EXPLORE config " + c + " mnet " + mp);
        MnetRefinerProvider provider = new MnetRefinerProvider();
        double sumC = 0;
        double sumM = 0;
        for (String seedText : seeds) {
            long seed = Long.parseLong(seedText.trim());
            int[] labels = new int[n];
            Random r = new Random(1000 + seed);
            double theta = Double.parseDouble(c.getOrDefault("theta", kind.equals("moons") ? "0" : "0.8"));
            float[][] p = kind.equals("moons") ? Fixtures.moons(n, noise, theta, labels, r)
                    : kind.equals("arcs") ? Fixtures.arcs(n, r1, r2, theta, noise, labels, r)
                    : kind.equals("bananas") ? Fixtures.arcs(n, r1, r2, theta, noise, true, labels, r) : Fixtures.rings(n, r1, r2, noise, labels, r);
            Dataset data = Fixtures.lift(kind, p, labels, 2, dim, 77);
            List<String> epochs = new ArrayList<>();
            EventSink sink = new EventSink() {
                @Override
                public void epochEnded(EpochReport rep) {
                    if (rep.phase().equals("mnet")) {
                        epochs.add(String.format("%.2f/%.3f", rep.values().get("participation"), rep.values().get("loss")));
                    }
                }
            };
            long t0 = System.nanoTime();
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext ctx = TrainingContext.builder(m).seed(seed).clusters(2).backbone(Fixtures.backbone(latent, hidden))
                        .events(sink).build();
                LatentModel lm = Fixtures.aeKmeans(data, ctx, pe, plr, pb);
                long t1 = System.nanoTime();
                int[] cl = Fixtures.centroid(lm).predict(data);
                float[][] zBefore = Fixtures.centroid(lm).transform(data);
                ClusterModel cm = provider.create(Params.resolve("mnet", provider.parameters(), mp)).refine(lm, data, ctx);
                int[] q = cm.predict(data);
                long t2 = System.nanoTime();
                float[][] cen = lm.centres();
                int errors = 0;
                int confidentErrors = 0;
                int confident = 0;
                boolean flip = Fixtures.accuracy(labels, cl, 2) != agreement(labels, cl);
                for (int i = 0; i < n; i++) {
                    double[] w = new double[cen.length];
                    double sum = 0;
                    for (int j = 0; j < cen.length; j++) {
                        double d2 = 1e-10;
                        for (int t = 0; t < cen[j].length; t++) {
                            d2 += (zBefore[i][t] - cen[j][t]) * (zBefore[i][t] - cen[j][t]);
                        }
                        w[j] = Math.pow(d2, -2.0);
                        sum += w[j];
                    }
                    double max = 0;
                    for (double v : w) {
                        max = Math.max(max, v / sum);
                    }
                    boolean err = (cl[i] == labels[i]) == flip;
                    errors += err ? 1 : 0;
                    confident += max > 0.9 ? 1 : 0;
                    confidentErrors += err && max > 0.9 ? 1 : 0;
                }
                System.out.printf("EXPLORE u space: %d k-means errors, %d of them confident (max u > 0.9); %d confident points%n",
                        errors, confidentErrors, confident);
                double accC = Fixtures.accuracy(labels, cl, 2);
                double accM = Fixtures.accuracy(labels, q, 2);
                sumC += accC;
                sumM += accM;
                System.out.printf("EXPLORE seed %d: centroid %.3f mnet %.3f (ae %.1fs, mnet %.1fs) epochs %s%n", seed, accC, accM,
                        (t1 - t0) / 1e9, (t2 - t1) / 1e9, String.join(" ", epochs));
                if (!dump.isEmpty()) {
                    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(dump + "-" + seed + ".csv")))) {
                        w.println("x,y,label,centroid,mnet,z0,z1");
                        for (int i = 0; i < n; i++) {
                            w.printf("%f,%f,%d,%d,%d,%f,%f%n", p[i][0], p[i][1], labels[i], cl[i], q[i], zBefore[i][0],
                                    zBefore[i].length > 1 ? zBefore[i][1] : 0);
                        }
                    }
                }
                cm.close();
            }
        }
        System.out.printf("EXPLORE mean: centroid %.3f mnet %.3f%n", sumC / seeds.length, sumM / seeds.length);
    }
}
