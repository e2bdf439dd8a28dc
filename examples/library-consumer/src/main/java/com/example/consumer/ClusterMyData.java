package com.example.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.dclust.api.model.ClusterModel;
import org.dclust.framework.Dclust;
import org.dclust.framework.run.RunResult;

/** Clusters a float[][] it generates, saves the model, loads it again and predicts new points. */
public final class ClusterMyData {
    public static void main(String[] args) throws Exception {
        Random random = new Random(42);
        float[][] points = new float[600][8];
        int[] truth = new int[600];
        for (int i = 0; i < points.length; i++) {
            truth[i] = i % 3;
            for (int j = 0; j < 8; j++) {
                points[i][j] = truth[i] * 4 + (float) random.nextGaussian();
            }
        }
        Path modelDir = Files.createTempDirectory("dclust-example").resolve("model");
        try (RunResult result = Dclust.pipeline()
                .data(points, truth)                       // labels only for the metrics
                .learner("ae", java.util.Map.of("pretrainEpochs", 20, "batchSize", 64))
                .backbone("mlp", java.util.Map.of("hidden", "64,64", "latentDim", 3))
                .refiner("centroid")
                .clusters(3).seed(7)
                .fit()) {
            System.out.println("clusters of the first 10 points: " + Arrays.toString(Arrays.copyOf(result.assignments(), 10)));
            System.out.printf("ACC %.3f  NMI %.3f%n", result.metrics().get("acc"), result.metrics().get("nmi"));
            result.model().save(modelDir);
        }
        try (ClusterModel model = ClusterModel.load(modelDir)) {
            float[][] fresh = {{0, 0, 0, 0, 0, 0, 0, 0}, {8, 8, 8, 8, 8, 8, 8, 8}};
            int[] assigned = model.predict(fresh);
            System.out.println("new points go to clusters " + Arrays.toString(assigned));
            if (assigned[0] == assigned[1]) {
                throw new IllegalStateException("two far-apart points landed in the same cluster");
            }
        }
    }
}
