package org.dclust.api.toolkit;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.train.Adam;
import org.dclust.api.train.TrainingContext;

/**
 * Where AE + k-means, DEC, IDEC, DCN, DKM and DCSS all start: the shared autoencoder pretraining
 * ({@link Pretraining}, cached across learners) and k-means (k-means++ seeding, restarts, at most 300
 * Lloyd iterations) on the pretrained codes, which gives the initial centres and assignments (DEC
 * section 3.2; IDEC, DCN and DKM initialise the same way). The k-means draws come from the
 * context's {@code "kmeans"} stream, so every learner on the same pretraining starts from the same
 * centres, and a resumed run too.
 *
 * @param network the pretrained network, in a sub-manager of the context's (closed with it)
 * @param kmeans k-means on its codes: {@code centres()} (K × d) and {@code labels()} (N)
 * @param pretrainingOptimizer the Adam that pretrained it, with its moments and step count (also when
 *     loaded from the cache), for a learner that carries them on ({@link Adam#continueFrom}); in the
 *     network's manager, closed with it
 */
public record PretrainedStart(EncoderNetwork network, KMeans.Result kmeans, Adam pretrainingOptimizer) {
    /** k-means restarts when a learner does not declare {@code kmeansRestarts}. */
    public static final int RESTARTS = 10;

    /** {@link Pretraining#parameters()} and {@code kmeansRestarts} (10): what {@link #of(Dataset, TrainingContext, Params)} reads. */
    public static List<ParamSpec> parameters() {
        List<ParamSpec> p = new ArrayList<>(Pretraining.parameters());
        p.add(ParamSpec.integer("kmeansRestarts", RESTARTS, 1, 1000, "k-means restarts on the pretrained codes (the lowest inertia is kept)"));
        return p;
    }

    /** Pretrains with the settings in {@code params} (see {@link #parameters()}), then runs k-means. */
    public static PretrainedStart of(Dataset data, TrainingContext ctx, Params params) {
        return of(data, ctx, Pretraining.Settings.from(params), params.getInt("kmeansRestarts"));
    }

    /**
     * Pretrains (or loads the cached pretraining) in a sub-manager of the context's, then runs k-means
     * with {@code restarts} restarts for {@code ctx.clusters()} clusters.
     */
    public static PretrainedStart of(Dataset data, TrainingContext ctx, Pretraining.Settings settings, int restarts) {
        NDManager manager = ctx.manager().newSubManager();
        try {
            Pretraining.Pretrained p = Pretraining.pretrained(data, ctx, settings, manager);
            float[][] z = Embeddings.encode(p.network(), data, 1000);
            KMeans.Result km = KMeans.fit(z, ctx.clusters(), restarts, 300, ctx.random("kmeans", 0));
            return new PretrainedStart(p.network(), km, p.optimizer());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
