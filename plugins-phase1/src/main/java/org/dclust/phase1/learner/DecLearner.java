package org.dclust.phase1.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.InPlace;
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
 * <p>Checkpoints hold the network, the optimizer's moments, the centres, the target distribution,
 * the labels of the last target update and the iteration count, so a resumed run ends with the same
 * labels. The returned model's own assignment is {@link SoftAssignment#studentT Student's t} (α = 1)
 * to the learned centres; for DEC its network still carries the pretrained, untouched decoder.
 */
public final class DecLearner implements LatentLearner {
    /** DEC fixes the Student's t degrees of freedom at α = 1 (section 3.1.1). */
    static final double ALPHA = 1.0;
    private static final int CHUNK = 1024;

    private final String name;
    private final Params params;
    private final Pretraining.Settings pretraining;
    private final double reconstructionWeight;
    private final double clusteringWeight;

    /**
     * @param name the provider name (also the checkpoint phase)
     * @param reconstructionWeight 0 for DEC (decoder dropped), 1 for IDEC
     * @param clusteringWeight 1 for DEC, γ for IDEC
     */
    public DecLearner(String name, Params params, double reconstructionWeight, double clusteringWeight) {
        this.name = name;
        this.params = params;
        this.pretraining = Pretraining.Settings.from(params);
        this.reconstructionWeight = reconstructionWeight;
        this.clusteringWeight = clusteringWeight;
    }

    /** The declarations DEC and IDEC share, with a provider's defaults for the clustering phase. */
    static List<ParamSpec> parameters(int epochs, String optimizer, double lr) {
        List<ParamSpec> p = new ArrayList<>(Pretraining.parameters(50, 1e-3, 256));
        p.add(ParamSpec.integer("kmeansRestarts", 10, 1, 1000, "k-means restarts on the pretrained codes (the lowest inertia is kept)"));
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "the most clustering epochs (training may stop earlier, see tol)"));
        p.addAll(Optimizers.parameters(optimizer, lr, 0.9));
        p.add(ParamSpec.integer("updateInterval", 140, 1, 100_000_000, "iterations (batches) between two updates of the target distribution P (DEC's T)"));
        p.add(ParamSpec.real("tol", 0.001, 0.0, 1.0, "stop when fewer than this fraction of samples change cluster between two target updates"));
        return p;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        PretrainedStart start = PretrainedStart.of(data, ctx, pretraining, params.getInt("kmeansRestarts"));
        AutoEncoder net = start.network();
        int n = data.size();
        int k = ctx.clusters();
        int batchSize = params.getInt("batchSize");
        int updateInterval = params.getInt("updateInterval");
        double tol = params.getDouble("tol");
        float[][] centresOut;
        try (TrainableCentres centres = new TrainableCentres(net.manager(), start.kmeans().centres());
                NDManager stateManager = net.manager().newSubManager()) {
            List<Parameter> trained = new ArrayList<>(net.encoderParameters());
            if (reconstructionWeight > 0) {
                trained.addAll(net.decoderParameters());
            }
            trained.add(centres.parameter());
            NDArray target = stateManager.zeros(new Shape(n, k));
            NDArray labels = stateManager.create(Matrices.toLong(start.kmeans().labels()));
            Progress pr = new Progress();
            try (ParamOptimizer opt = Optimizers.create(params, trained, net.manager())) {
                EpochLoop.State state = new EpochLoop.State() {
                    @Override
                    public List<NDArray> arrays() {
                        List<NDArray> a = new ArrayList<>(net.state());
                        a.addAll(opt.state());
                        a.add(centres.array());
                        a.add(target);
                        a.add(labels);
                        return a;
                    }

                    @Override
                    public Map<String, Object> meta() {
                        return Map.of("iterations", pr.iterations, "converged", pr.converged, "changed", pr.changed);
                    }

                    @Override
                    public void restore(List<NDArray> arrays, Map<String, Object> meta) {
                        List<NDArray> own = net.state();
                        int i = 0;
                        for (NDArray a : own) {
                            InPlace.copy(arrays.get(i++), a);
                        }
                        int optSize = opt.state().size();
                        opt.restore(arrays.subList(i, i + optSize));
                        i += optSize;
                        InPlace.copy(arrays.get(i++), centres.array());
                        InPlace.copy(arrays.get(i++), target);
                        InPlace.copy(arrays.get(i), labels);
                        pr.iterations = ((Number) meta.get("iterations")).longValue();
                        pr.converged = Boolean.TRUE.equals(meta.get("converged"));
                        pr.changed = ((Number) meta.get("changed")).doubleValue();
                    }
                };
                EpochLoop.run(name, params.getInt("epochs"), n, batchSize, ctx, net.manager(), state, (scope, idx) -> {
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
                    NDArray kl;
                    NDArray rec = null;
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray z = net.encode(x, true);
                        kl = DecLoss.kl(p, DecLoss.softAssignment(z, centres.inScope(scope), ALPHA));
                        loss = Scalars.mul(kl, (float) clusteringWeight);
                        if (reconstructionWeight > 0) {
                            rec = Reconstruction.meanSquared(net.decode(z, true), x);
                            loss = loss.add(Scalars.mul(rec, (float) reconstructionWeight));
                        }
                        gc.backward(loss);
                    }
                    opt.step(scope);
                    double l = loss.getFloat();
                    pr.add(idx.length, l, kl.getFloat(), rec == null ? 0 : rec.getFloat());
                    return l;
                }, epochsDone -> {
                    Map<String, Double> v = new LinkedHashMap<>();
                    v.put("loss", pr.mean(pr.lossSum));
                    v.put("kl", pr.mean(pr.klSum));
                    if (reconstructionWeight > 0) {
                        v.put("reconstruction", pr.mean(pr.recSum));
                    }
                    v.put("changed", pr.changed);
                    v.put("iterations", (double) pr.iterations);
                    if (pr.converged) {
                        v.put(EpochLoop.STOP, 1.0);
                    }
                    pr.resetEpoch();
                    return v;
                });
            }
            centresOut = centres.toMatrix();
        }
        return new LatentModel(name, net, centresOut, SoftAssignment.studentT(ALPHA));
    }

    /**
     * Recomputes q over the whole data set (evaluation mode, chunk by chunk), stores its target
     * distribution (eq. 3) and its labels, and returns the fraction of samples whose label changed.
     */
    private static double refresh(AutoEncoder net, Dataset data, TrainableCentres centres, NDArray target,
            NDArray labels, NDManager scope) {
        int n = data.size();
        NDList parts = new NDList();
        for (int s = 0; s < n; s += CHUNK) {
            try (NDManager chunk = scope.newSubManager()) {
                NDArray z = net.encode(data.range(chunk, s, Math.min(n, s + CHUNK)), false);
                NDArray q = DecLoss.softAssignment(z, centres.inScope(chunk), ALPHA);
                q.attach(scope);
                parts.add(q);
            }
        }
        NDArray q = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
        NDArray fresh = q.argMax(1);
        double changed = fresh.neq(labels).toType(DataType.INT64, false).sum().getLong() / (double) n;
        InPlace.copy(DecLoss.target(q), target);
        InPlace.copy(fresh, labels);
        return changed;
    }

    /** Counters of the clustering phase (the iteration count and convergence flag are checkpointed). */
    private static final class Progress {
        long iterations;
        boolean converged;
        double changed = 1.0;
        double lossSum;
        double klSum;
        double recSum;
        long samples;

        void add(int b, double loss, double kl, double rec) {
            lossSum += loss * b;
            klSum += kl * b;
            recSum += rec * b;
            samples += b;
        }

        double mean(double sum) {
            return samples == 0 ? 0 : sum / samples;
        }

        void resetEpoch() {
            lossSum = 0;
            klSum = 0;
            recSum = 0;
            samples = 0;
        }
    }
}
