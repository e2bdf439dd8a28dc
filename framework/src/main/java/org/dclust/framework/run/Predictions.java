package org.dclust.framework.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.DatasetProvider;
import org.dclust.api.toolkit.Atomic;
import org.dclust.framework.registry.PluginRegistry;

/**
 * What {@code dclust predict} writes for a data set: a CSV with a header {@code index,cluster}, then
 * with {@code proba} the probability of each of the K clusters ({@code p0..pK-1}) and with
 * {@code embed} the latent code ({@code z0..zD-1}), one row per sample in the data set's order. Used
 * for one data set and, the same way, for every shard of a batch prediction.
 */
public final class Predictions {
    private Predictions() {
    }

    /**
     * The model's assignment of every sample of {@code data}, and its CSV.
     *
     * @param clusters the cluster of each sample (length N)
     */
    public record Table(int[] clusters, String csv) {
        /** Writes the CSV to {@code file} atomically. */
        public void write(Path file) throws IOException {
            Atomic.writeString(file, csv);
        }
    }

    /** Applies {@code m} (with its fitted preprocessing) to {@code data}. */
    public static Table of(ClusterModel m, Dataset data, boolean proba, boolean embed) {
        checkFits(m, data);
        float[][] p = m.predictProba(data);
        int[] labels = ClusterModel.argmax(p);
        float[][] z = embed ? m.transform(data) : null;
        StringBuilder csv = new StringBuilder("index,cluster");
        if (proba) {
            for (int k = 0; k < m.clusters(); k++) {
                csv.append(",p").append(k);
            }
        }
        if (embed) {
            for (int j = 0; j < m.latentDim(); j++) {
                csv.append(",z").append(j);
            }
        }
        csv.append('\n');
        for (int i = 0; i < labels.length; i++) {
            csv.append(i).append(',').append(labels[i]);
            if (proba) {
                for (float v : p[i]) {
                    csv.append(',').append(v);
                }
            }
            if (embed) {
                for (float v : z[i]) {
                    csv.append(',').append(v);
                }
            }
            csv.append('\n');
        }
        return new Table(labels, csv.toString());
    }

    /**
     * Predicts shard {@code i} of a batch prediction with the loaded model {@code m} into
     * {@code job.outDir()/}{@link #outputName}: the shard is read as data set {@code job.dataset()}
     * with its {@code path} set to the shard.
     *
     * @return the number of samples of the shard
     */
    public static int shard(PluginRegistry registry, ClusterModel m, PredictJob job, int i) throws IOException {
        Path shard = job.shards().get(i);
        Table t;
        try {
            t = of(m, load(registry, job.dataset(), job.settings(), Map.of(SHARD_PARAMETER, shard.toString())), job.proba(), job.embed());
        } catch (DclustException e) {
            throw new DclustException("shard " + shard + ": " + e.getMessage(), e);
        }
        t.write(job.outDir().resolve(outputName(shard)));
        return t.clusters().length;
    }

    /**
     * Refuses data whose samples are not the size the model was trained on, in one message; one value
     * more is what a CSV's label column makes, and the message says how to name it.
     */
    static void checkFits(ClusterModel m, Dataset data) {
        int want = 1;
        for (int d : m.network().inputShape()) {
            want *= d;
        }
        int got = data.featureSize();
        if (got != want) {
            throw new DclustException(data.name() + " has " + got + " values per sample; the model was trained on " + want
                    + (got == want + 1 ? ": one more, as a label column makes; if the file has one, name it with --set features.label=COLUMN"
                            + " (its header name, or its index from 0)" : ""));
        }
    }

    /** The data set parameter a shard's file is given to. */
    public static final String SHARD_PARAMETER = "path";

    /** A shard's output file name: its own name up to the first dot, then {@code .csv} ({@code part-00001.npy.gz}: {@code part-00001.csv}). */
    public static String outputName(Path shard) {
        String name = shard.getFileName().toString();
        int dot = name.indexOf('.', 1);
        return (dot < 0 ? name : name.substring(0, dot)) + ".csv";
    }

    /**
     * Loads data set {@code dataset} with {@code settings} (parameter → value as given on the command
     * line; {@code extra} added, e.g. a shard's path).
     *
     * @throws org.dclust.api.DclustException an unknown data set, a bad parameter, a missing file
     */
    public static Dataset load(PluginRegistry registry, String dataset, Map<String, String> settings, Map<String, String> extra) {
        DatasetProvider dp = registry.get(DatasetProvider.class, dataset);
        Map<String, Object> values = new LinkedHashMap<>(settings);
        values.putAll(extra);
        return dp.load(Params.resolve(dp.name(), dp.parameters(), values));
    }
}
