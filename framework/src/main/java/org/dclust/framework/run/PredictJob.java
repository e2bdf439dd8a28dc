package org.dclust.framework.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A batch prediction ({@code dclust predict --shards}): a saved model applied to every shard, each
 * read as data set {@code dataset} with its {@code path} parameter set to the shard, into
 * {@code outDir/SHARD.csv} (the shard's file name up to its first dot).
 *
 * @param model a saved model directory (a run's {@code model/})
 * @param settings the data set's other parameters (name → value as given)
 * @param shards the input files, in order; their output names are distinct
 * @param proba whether to add each cluster's probability
 * @param embed whether to add the latent code
 * @param device auto, cpu or gpu
 */
public record PredictJob(Path model, String dataset, Map<String, String> settings, List<Path> shards, Path outDir, boolean proba,
        boolean embed, String device) {
    /** The line predict prints at the end: how many samples in how many shards, and where. */
    public static String summary(PredictJob job, long samples) {
        return samples + " samples in " + job.shards().size() + " shard" + (job.shards().size() == 1 ? "" : "s") + " assigned: "
                + job.outDir() + " (one CSV per shard)";
    }
}
