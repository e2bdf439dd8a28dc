package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.ClusterUse;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.Matrices;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainableCentres;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.train.InPlace;
import org.dclust.api.train.Optimizers;
import org.dclust.api.train.ParamOptimizer;
import org.dclust.api.train.Scalars;
import org.dclust.api.train.TrainingContext;

/**
 * DEC (Xie, Girshick and Farhadi 2016) and, with one more weight, IDEC (Guo, Gao, Liu and Yin 2017):
 * the loss is {@code reconstructionWeight · L_r + clusteringWeight · KL(P‖Q)}. DEC is (0, 1): the
 * decoder is dropped (not trained) and only the encoder and the centres move (DEC section 3.1); IDEC
 * is (1, γ): L = L_r + γ·L_c with the decoder kept to preserve local structure (IDEC section 3), L_r
 * being the mean squared error as in the IDEC authors' code.
 *
 * <p>Both start from the shared pretraining and k-means on its codes (DEC section 3.2). The centres
 * μ_j are trainable parameters updated by the same optimizer as the encoder. The soft assignment q
 * (DEC eq. 1, Student's t with α = 1) is trained towards the target distribution p (eq. 3), which is
 * computed over the whole data set every {@code updateInterval} iterations (DEC's T; 140 in the DEC
 * and IDEC reference code for MNIST) and held fixed in between; the loss is KL(P‖Q) (eq. 2). Training
 * stops when fewer than {@code tol} (0.1%) of the samples change cluster (argmax q) between two
 * target updates, or after {@code epochs} epochs; the batches left in the epoch of convergence are
 * skipped.
 *
 * <p>Per epoch it reports the loss, its terms, the fraction of labels changed at the last target
 * update, the iterations, and {@link ClusterUse}'s {@code clustersUsed} and {@code largestShare} of
 * the batches' argmax q. Checkpoints hold the network, the optimizer's moments, the centres, the target distribution,
 * the labels of the last target update and the iteration count, so a resumed run ends with the same
 * labels. The returned model's own assignment is {@link SoftAssignment#studentT Student's t} (α = 1)
 * to the learned centres; for DEC its network still carries the pretrained, untouched decoder.
 *
 * @param name the provider name (also the checkpoint phase)
 * @param params the parameters {@link #parameters} declares
 * @param reconstructionWeight 0 for DEC (decoder dropped), 1 for IDEC
 * @param clusteringWeight 1 for DEC, γ for IDEC
 */
public record DecLearner(String name, Params params, double reconstructionWeight, double clusteringWeight) implements LatentLearner {
    /** DEC fixes the Student's t degrees of freedom at α = 1 (section 3.1.1). */
    static final double ALPHA = 1.0;

    /** The declarations DEC and IDEC share, with a provider's defaults for the clustering phase. */
    static List<ParamSpec> parameters(int epochs, String optimizer, double lr) {
        List<ParamSpec> p = new ArrayList<>(PretrainedStart.parameters());
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "the most clustering epochs (training may stop earlier, see tol)"));
        p.addAll(Optimizers.parameters(optimizer, lr, 0.9));
        p.add(ParamSpec.integer("updateInterval", 140, 1, 100_000_000, "iterations (batches) between two updates of the target distribution P (DEC's T)"));
        p.add(ParamSpec.real("tol", 0.001, 0.0, 1.0, "stop when fewer than this fraction of samples change cluster between two target updates"));
        return p;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, params);
        EncoderNetwork net = start.network();
        int updateInterval = params.getInt("updateInterval");
        double tol = params.getDouble("tol");
        List<Parameter> trained = reconstructionWeight > 0 ? net.parameters() : net.encoderParameters();
        try (TrainableCentres centres = new TrainableCentres(net.manager(), start.kmeans().centres());
                NDManager stateManager = net.manager().newSubManager();
                ParamOptimizer opt = Optimizers.create(params, centres.after(trained), net.manager())) {
            NDArray target = stateManager.zeros(new Shape(data.size(), ctx.clusters()));
            NDArray labels = stateManager.create(Matrices.toLong(start.kmeans().labels()));
            Progress pr = new Progress();
            TrainingState state = TrainingState.of(net, opt).array("centres", centres.array()).array("target", target)
                    .array("labels", labels).integer("iterations", () -> pr.iterations, v -> pr.iterations = v)
                    .flag("converged", () -> pr.converged, v -> pr.converged = v).real("changed", () -> pr.changed, v -> pr.changed = v)
                    .partition(Partition.nearestCentre(net, data, centres.array()));
            EpochMeans means = new EpochMeans();
            ClusterUse use = new ClusterUse(ctx.clusters());
            EpochLoop.run(name, params.getInt("epochs"), data.size(), params.getInt("batchSize"), ctx, net.manager(), state, (scope, idx) -> {
                if (pr.converged) {
                    return 0;
                }
                if (pr.iterations % updateInterval == 0) {
                    pr.changed = refresh(net, data, centres, target, labels, scope);
                    if (pr.iterations > 0 && pr.changed < tol) {
                        pr.converged = true;
                        return 0;
                    }
                }
                pr.iterations++;
                NDArray x = data.batch(scope, idx);
                NDArray p = target.get(scope.create(Matrices.toLong(idx)));
                p.attach(scope);
                NDArray q;
                NDArray kl;
                NDArray rec = null;
                NDArray loss;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray z = net.encode(x, true);
                    q = DecLoss.softAssignment(z, centres.inScope(scope), ALPHA);
                    kl = DecLoss.kl(p, q);
                    loss = Scalars.mul(kl, (float) clusteringWeight);
                    if (reconstructionWeight > 0) {
                        rec = Reconstruction.meanSquared(net.decode(z, true), x);
                        loss = loss.add(Scalars.mul(rec, (float) reconstructionWeight));
                    }
                    gc.backward(loss);
                }
                use.add(q.stopGradient().argMax(1));
                opt.step(scope);
                double l = loss.getFloat();
                means.add(idx.length, "loss", l, "kl", (double) kl.getFloat(), "reconstruction", rec == null ? 0.0 : (double) rec.getFloat());
                return l;
            }, epochsDone -> {
                Map<String, Double> v = means.take();
                if (reconstructionWeight == 0) {
                    v.remove("reconstruction");
                }
                v.putAll(use.take());
                v.put("changed", pr.changed);
                v.put("iterations", (double) pr.iterations);
                if (pr.converged) {
                    v.put(EpochLoop.STOP, 1.0);
                }
                return v;
            });
            return new LatentModel(name, net, centres.toMatrix(), SoftAssignment.studentT(ALPHA));
        }
    }

    /**
     * Recomputes q over the whole data set (evaluation mode, chunk by chunk), stores its target
     * distribution (eq. 3) and its labels, and returns the fraction of samples whose label changed.
     */
    private static double refresh(EncoderNetwork net, Dataset data, TrainableCentres centres, NDArray target,
            NDArray labels, NDManager scope) {
        NDArray q = Embeddings.probabilities(net, data, centres.array(), SoftAssignment.studentT(ALPHA), scope);
        NDArray fresh = q.argMax(1);
        double changed = fresh.neq(labels).toType(DataType.INT64, false).sum().getLong() / (double) data.size();
        InPlace.copy(DecLoss.target(q), target);
        InPlace.copy(fresh, labels);
        return changed;
    }

    /** The clustering phase's progress, checkpointed with the arrays. */
    private static final class Progress {
        long iterations;
        boolean converged;
        double changed = 1.0;
    }
}
