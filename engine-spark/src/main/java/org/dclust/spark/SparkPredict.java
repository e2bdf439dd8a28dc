package org.dclust.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.dclust.api.model.ClusterModel;
import org.dclust.framework.DclustModule;
import org.dclust.framework.registry.PluginRegistry;
import org.dclust.framework.run.DeviceChoice;
import org.dclust.framework.run.PredictJob;
import org.dclust.framework.run.Predictions;

/**
 * {@code dclust predict --shards ... --engine spark}: one Spark task per shard, each writing the
 * shard's CSV ({@link Predictions#shard}, as the in-process batch prediction does) to the shared
 * output directory. Tasks get the job as JSON (paths and settings, never data). Each executor JVM
 * loads the model once and keeps it for all its tasks; it predicts one shard at a time (libtorch
 * parallelises inside the product), so give an executor one task ({@code spark.task.cpus} = its cores).
 */
final class SparkPredict {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The models this JVM loaded, by directory and device. */
    private static final Map<String, ClusterModel> MODELS = new ConcurrentHashMap<>();
    private static PluginRegistry registry;

    private SparkPredict() {
    }

    static void run(PredictJob job, String master, PrintWriter out) {
        String json;
        try {
            json = JSON.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int n = job.shards().size();
        JavaSparkContext jsc = SparkMaster.start(master, "predict " + job.model());
        long samples;
        try {
            List<Integer> shards = IntStream.range(0, n).boxed().toList();
            samples = jsc.parallelize(shards, n).map(i -> shard(json, i)).reduce(Long::sum);
        } finally {
            jsc.stop();
            closeModels();
        }
        out.println(PredictJob.summary(job, samples));
    }

    /** The executor's side: predicts shard {@code i} of the job {@code json}; returns its number of samples. */
    static long shard(String json, int i) throws IOException {
        PredictJob job = JSON.readValue(json, PredictJob.class);
        ClusterModel m = model(job);
        synchronized (m) {
            return Predictions.shard(registry(), m, job, i);
        }
    }

    private static ClusterModel model(PredictJob job) {
        return MODELS.computeIfAbsent(job.model() + "@" + job.device(), k -> ClusterModel.load(job.model(), DeviceChoice.resolve(job.device())));
    }

    private static synchronized PluginRegistry registry() {
        if (registry == null) {
            registry = Guice.createInjector(new DclustModule()).getInstance(PluginRegistry.class);
        }
        return registry;
    }

    /** Closes the models this JVM loaded (the driver's, in local mode, where it is the executor). */
    private static void closeModels() {
        MODELS.values().forEach(ClusterModel::close);
        MODELS.clear();
    }
}
