package org.dclust.refiners.proximity;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Atomic;
import org.dclust.api.train.TrainingContext;
import org.dclust.datasets.SyntheticProvider;
import org.dclust.refiners.mnet.Fixtures;

/**
 * A manual experiment, not a test (it asserts nothing and {@code verify} does not run it): for each
 * seed, one AE on {@code synthetic} data, then AE + centroid and AE + proximity under each
 * ';'-separated variant ({@code name:key=value,...} of proximity parameters), ACC printed. Run it on
 * the test class path, e.g. {@code java -cp ... org.dclust.refiners.proximity.ProximityExploration
 * "shape=moons,samples=600" "full:;nofilter:links=all,minTrusted=0" 1,2,3}.
 */
final class ProximityExploration {
    private ProximityExploration() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> dataParams = pairs(args.length > 0 ? args[0] : "shape=moons");
        String variants = args.length > 1 ? args[1] : "full:";
        String[] seeds = (args.length > 2 ? args[2] : "1,2,3").split(",");
        Map<String, Object> ae = pairs(args.length > 3 ? args[3] : "");
        int pretrain = Integer.parseInt(String.valueOf(ae.getOrDefault("pretrain", "20")));
        int latentDim = Integer.parseInt(String.valueOf(ae.getOrDefault("latent", "10")));
        String hidden = String.valueOf(ae.getOrDefault("hidden", "32,32"));
        for (String seedText : seeds) {
            long seed = Long.parseLong(seedText.trim());
            Map<String, Object> dp = new LinkedHashMap<>(dataParams);
            dp.put("seed", (int) seed);
            dp.putIfAbsent("mapSeed", (int) seed);
            Dataset data = synthetic(dp);
            int[] labels = data.labels();
            Dataset unlabelled = data.withoutLabels();
            int k = data.numClasses();
            Path dir = Files.createTempDirectory("prox-explore");
            StringBuilder line = new StringBuilder("seed " + seed + ":");
            try (NDManager m = NDManager.newBaseManager()) {
                TrainingContext ctx = TrainingContext.builder(m).seed(seed).clusters(k).backbone(Fixtures.backbone(latentDim, hidden)).build();
                try (LatentModel lm = Fixtures.aeKmeans(unlabelled, ctx, pretrain, 1e-3, 32)) {
                    lm.save(dir.resolve("latent"));
                    line.append(String.format(" centroid %.3f purity %.3f", Fixtures.accuracy(labels, Fixtures.centroid(lm).predict(unlabelled), k),
                            ProximityBehaviourTest.purity(org.dclust.api.toolkit.Embeddings.encode(lm.network(), unlabelled, 1000), labels, m)));
                }
                for (String variant : variants.split(";")) {
                    String[] nv = variant.split(":", 2);
                    ProximityRefinerProvider p = new ProximityRefinerProvider();
                    Params params = Params.resolve("proximity", p.parameters(), pairs(nv.length > 1 ? nv[1] : ""));
                    long t0 = System.nanoTime();
                    try (LatentModel lm = LatentModel.load(dir.resolve("latent"), m);
                            ClusterModel cm = p.create(params).refine(lm, unlabelled, ctx)) {
                        line.append(String.format(" %s %.3f purity %.3f (%.1fs)", nv[0], Fixtures.accuracy(labels, cm.predict(unlabelled), k),
                                ProximityBehaviourTest.purity(cm.transform(unlabelled), labels, m),
                                (System.nanoTime() - t0) / 1e9));
                    }
                }
            } finally {
                Atomic.deleteTree(dir);
            }
            System.out.println(line);
        }
    }

    /** The {@code synthetic} data set with these parameters. */
    static Dataset synthetic(Map<String, Object> params) {
        SyntheticProvider p = new SyntheticProvider();
        return p.load(Params.resolve(p.name(), p.parameters(), params));
    }

    private static Map<String, Object> pairs(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String kv : text.split(",")) {
            if (kv.isBlank()) {
                continue;
            }
            String[] a = kv.split("=", 2);
            out.put(a[0].trim(), a[1].trim());
        }
        return out;
    }
}
