package org.dclust.refiners.mnet;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.train.EpochReport;
import org.dclust.api.train.EventSink;
import org.dclust.api.train.TrainingContext;

/**
 * A manual timing, a benchmark and not a test (it asserts nothing and is not run by {@code verify}):
 * times mnet epochs on N random 784-value samples with the DEC encoder 784-500-500-2000-10
 * (untrained; the work per epoch does not depend on the weights), K = 10: {@code epochs} epochs
 * (default 3) of which the first {@code u} (default 2) are supervised by the u space and re-estimate
 * the centres. Run it as a program on the test class path with arguments {@code N [epochs [u]]} (or
 * the system properties {@code mnet.bench}, {@code mnet.benchEpochs}, {@code mnet.benchU}); for
 * timings to quote, prefer {@code dclust bench}.
 */
final class MnetTiming {
    private MnetTiming() {
    }

    /** {@code N [epochs [u]]}. */
    public static void main(String[] args) {
        int n = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("mnet.bench", "10000"));
        int epochs = Integer.parseInt(args.length > 1 ? args[1] : System.getProperty("mnet.benchEpochs", "3"));
        int u = Integer.parseInt(args.length > 2 ? args[2] : System.getProperty("mnet.benchU", "2"));
        Random r = new Random(1);
        float[] v = new float[n * 784];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        Dataset data = new Dataset("random", v, new int[] {784}, null, 0);
        EventSink sink = new EventSink() {
            @Override
            public void epochEnded(EpochReport rep) {
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.out.printf("TIMING %s epoch %d/%d: %.1f s wall, %.1f s cpu of this thread so far %s%n", rep.phase(), rep.epoch(),
                        rep.epochs(), rep.seconds(), cpu / 1e9, rep.values());
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(1).clusters(10).backbone(Fixtures.backbone(10, "500,500,2000"))
                    .events(sink).build();
            EncoderNetwork net = ctx.backbone().build(m.newSubManager(), new int[] {784});
            float[][] z = Embeddings.encode(net, data, 1000);
            float[][] centres = Arrays.copyOfRange(z, 0, 10);
            LatentModel lm = new LatentModel("none", net, centres, SoftAssignment.nearest());
            MnetRefinerProvider p = new MnetRefinerProvider();
            long t0 = System.nanoTime();
            try (ClusterModel cm = p.create(Params.resolve("mnet", p.parameters(), Map.of("epochs", epochs, "uEpochs", u)))
                    .refine(lm, data, ctx)) {
                System.out.printf("TIMING total %.1f s for %d epochs on %d samples (threads: %s)%n", (System.nanoTime() - t0) / 1e9,
                        epochs, n, System.getProperty("ai.djl.pytorch.num_threads"));
            }
        }
    }
}
