package org.dclust.framework.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.framework.report.RunPlots;

/**
 * The points a run's t-SNE maps show: a seeded sample of at most 2,000 samples, drawn in the u space
 * (latent codes after phase 1, coloured by the learner's own assignment) and in the q space (cluster
 * probabilities after phase 2, coloured by the final assignment), as in the DCSS paper's Fig. 4.
 */
final class PlotSample {
    static final int MAX_POINTS = 2000;

    private PlotSample() {
    }

    /** Sorted sample indices: all when n ≤ 2,000, else a seeded sample ({@link Batches#sample}). */
    static int[] indices(int n, long seed) {
        return Batches.sample(n, MAX_POINTS, seed);
    }

    /** Latent codes of the sample and the learner's own assignment of them. */
    static RunPlots.Scatter latent(LatentModel latent, Dataset prepared, int[] sample, long seed) {
        Dataset sub = prepared.subset(prepared.name(), sample);
        float[][] z = Embeddings.encode(latent.network(), sub, 500);
        int[] clusters;
        try (NDManager m = latent.network().manager().newSubManager()) {
            NDArray p = latent.assignment().probabilities(m.create(z), latent.centres(m));
            clusters = Arrays.stream(p.argMax(1).toLongArray()).mapToInt(v -> (int) v).toArray();
        }
        return new RunPlots.Scatter(z, clusters, seed);
    }

    /** Cluster probabilities of the sample (raw data; the model preprocesses) and their argmax. */
    static RunPlots.Scatter probabilities(ClusterModel model, Dataset raw, int[] sample, long seed) {
        float[][] q = model.predictProba(raw.subset(raw.name(), sample));
        return new RunPlots.Scatter(q, ClusterModel.argmax(q), seed);
    }
}
