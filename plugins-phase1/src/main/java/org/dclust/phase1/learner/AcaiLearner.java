package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.toolkit.Batches;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.EpochLoop;
import org.dclust.api.toolkit.EpochMeans;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.toolkit.Partition;
import org.dclust.api.toolkit.PretrainedStart;
import org.dclust.api.toolkit.Reconstruction;
import org.dclust.api.toolkit.TrainingState;
import org.dclust.api.toolkit.augment.AugmentationPipeline;
import org.dclust.api.toolkit.augment.AugmentationRecipe;
import org.dclust.api.train.Adam;
import org.dclust.api.train.TrainingContext;

/**
 * ACAI, the adversarially constrained autoencoder interpolation of Berthelot, Raffel, Roy and
 * Goodfellow (ICLR 2019, arXiv 1807.07543), as a phase-1 learner: the autoencoder (encoder f and
 * decoder g of the run's backbone) is trained from scratch on reconstruction plus a critic's verdict
 * on decoded latent interpolants, then k-means runs on its codes. It replaces the shared cached
 * pretraining (it does not use it: the network starts from the backbone's initialisation, drawn as
 * the pretraining draws it).
 *
 * <p>Per batch ({@link AcaiStep}, {@link AcaiLoss}): each code is mixed with its partner in the
 * reversed batch, z̃_i = α_i z_i + (1 − α_i) z_{B−1−i}, α_i ~ U[0, alphaMax]; the autoencoder
 * minimises reconstruction + λ · mean d(g(z̃))²; the critic d (a second network of the backbone's
 * shape, its encoder's outputs averaged, as DynAE's {@code critic_constructor}, {@code
 * DynAE/DynAE.py} lines 178-192, and the authors' {@code disc}, {@code acai.py} lines 52-55)
 * minimises mean (d(g(z̃)) − α)² + mean d(γ x + (1 − γ) g(f(x)))², γ ~ U[gammaMin, gammaMax] per
 * batch. Two Adam optimizers, one step each per batch.
 *
 * <p>Choices, and where they come from:
 * <ul>
 *   <li>α: the paper restricts α to [0, 0.5] (section 2; its code draws 0.5 − |u − 0.5|, {@code
 *       acai.py} lines 62-63): an interpolant at α between z_i and z_j is the one at 1 − α between
 *       z_j and z_i, and the reversed batch forms both pairs, so on [0, 1] the critic would be asked
 *       for two answers on one image. DynAE draws α ~ U[0, 1] ({@code DynAE.py} line 363). Default
 *       {@code alphaMax} = 0.5 (the paper's, for that reason); 1 gives DynAE's.</li>
 *   <li>γ: the paper fixes γ = 0.2 (its code's {@code reg}, {@code acai.py} lines 69 and 153);
 *       DynAE draws it per batch as 0.5 − |u − 0.5|, u ~ U[0, 1], i.e. U[0, 0.5] ({@code DynAE.py}
 *       lines 364-365). Default 0.2 (gammaMin = gammaMax = 0.2); the {@code dynae} preset draws.</li>
 *   <li>λ = 0.5 in both ({@code acai.py} line 151; DynAE's notebook, {@code loss_weight_lambda}).</li>
 *   <li>Learning rates: both codes use Adam 1e-4 for both networks ({@code lib/train.py} line 32;
 *       DynAE's notebook, {@code optimizer2}). The autoencoder's default here is 1e-3, the shared
 *       pretraining's rate (ours: the papers run 130,000 iterations or 2^24 samples, a CPU budget
 *       allows far fewer); the critic keeps the authors' 1e-4. With the critic at 1e-3 as well (this
 *       learner's first default), the autoencoder did not learn 10,000 MNIST digits on any of 3 seeds
 *       of the {@code default} preset: its reconstruction error stayed at 97% of the mean image's, the
 *       critic's loss at that of a constant answer, ACC 19-27 ({@code studies/results/rdc-mnist10k}),
 *       while on 20,000 Fashion-MNIST images it learned. With the critic at 1e-4 (seed 1, 30 epochs) it
 *       reconstructs at 28% of the mean image's error on MNIST-10k. Chosen by that label-free signal
 *       (README, "Studies"); the end of the phase warns when an autoencoder learned little ({@link
 *       Reconstruction#learnedLittle}).</li>
 *   <li>Augmentation ({@code augment}, a recipe of the toolkit's {@link AugmentationRecipe}): DynAE
 *       trains ACAI on randomly shifted (10%) and rotated (10 degrees) batches ({@code aug_train=True},
 *       lines 315 and 362), which is the {@code affine} recipe; the paper does not augment. Default
 *       {@code none}; the {@code dynae} preset uses {@code affine}. The augmented batch is both the
 *       input and the reconstruction target, as in DynAE.</li>
 *   <li>Batch order: seeded shuffles each epoch (DynAE walks the data in a fixed order and shuffles
 *       within each batch, lines 359-361, so its partners are random too).</li>
 * </ul>
 *
 * <p>Randomness: α from the stream {@code acai.alpha}, γ from {@code acai.critic}, augmentations from
 * {@link AugmentationPipeline#random}, each seeded by (run seed, epoch, batch), so the same seed gives
 * the same labels, a resumed run draws what an uninterrupted one would, and the critic's draws never
 * shift the autoencoder's. The critic is initialised from its own engine seed after the autoencoder,
 * whose initialisation is the shared pretraining's. Checkpoints hold both networks, both optimizers'
 * moments and the iteration count, by name.
 *
 * <p>The model: the trained encoder and decoder, k-means centres on the codes (as {@code ae}, the
 * context's {@code kmeans} stream, {@code kmeansRestarts} restarts) and the nearest-centre assignment.
 *
 * @param name the provider name, also the checkpoint and event phase
 * @param params the parameters {@link #parameters()} declares
 */
public record AcaiLearner(String name, Params params) implements LatentLearner {
    /** The stream of the critic's draws (γ), apart from the autoencoder's. */
    static final String CRITIC_STREAM = "acai.critic.";
    /** The stream of the interpolation weights α. */
    static final String ALPHA_STREAM = "acai.alpha.";

    /** Every parameter, with the defaults described above. */
    static List<ParamSpec> parameters(int epochs) {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.integer("epochs", epochs, 0, 1_000_000, "epochs of ACAI training (the autoencoder and the critic, one step each per batch)"));
        p.add(ParamSpec.integer("batchSize", 256, 2, 1_000_000, "mini-batch size (DynAE 256, the paper 64)"));
        p.add(ParamSpec.real("lr", 1e-3, 1e-8, 1.0, "Adam learning rate of the autoencoder (ours; the paper and DynAE: 1e-4)"));
        p.add(ParamSpec.real("criticLr", 1e-4, 1e-8, 1.0, "Adam learning rate of the critic (the paper's and DynAE's 1e-4; at 1e-3 the"
                + " autoencoder stayed at the mean image on MNIST-10k)"));
        p.add(ParamSpec.real("lambda", 0.5, 0.0, 1000.0, "weight of the adversarial term lambda * mean d(g(z~))^2 in the autoencoder's loss"));
        p.add(ParamSpec.real("alphaMax", 0.5, 0.0, 1.0, "interpolation weights alpha ~ U[0, alphaMax] per sample (the paper 0.5; DynAE 1)"));
        p.add(ParamSpec.real("gammaMin", 0.2, 0.0, 1.0, "blend weight gamma ~ U[gammaMin, gammaMax] per batch of the critic's gamma x + (1 - gamma) g(f(x)) (the paper 0.2; DynAE 0)"));
        p.add(ParamSpec.real("gammaMax", 0.2, 0.0, 1.0, "upper end of gamma (the paper 0.2; DynAE 0.5)"));
        p.add(ParamSpec.text("augment", "none", "augmentation of the batches, a recipe (" + String.join(", ", AugmentationRecipe.names())
                + ") optionally with :key=value overrides; DynAE: affine (shifts 10%, rotations 10 degrees); images only"));
        p.add(ParamSpec.integer("kmeansRestarts", PretrainedStart.RESTARTS, 1, 1000, "k-means restarts on the trained codes (the lowest inertia is kept)"));
        return p;
    }

    /** The checks no single declaration can make: gammaMin <= gammaMax, and a readable recipe. */
    static List<String> validate(String name, Params p) {
        List<String> problems = new ArrayList<>();
        if (p.getDouble("gammaMin") > p.getDouble("gammaMax")) {
            problems.add(name + ".gammaMin = " + p.getDouble("gammaMin") + " is above " + name + ".gammaMax = " + p.getDouble("gammaMax")
                    + ": gamma is drawn from U[gammaMin, gammaMax]; set gammaMin <= gammaMax (equal for a fixed gamma)");
        }
        try {
            AugmentationRecipe.parse(p.getString("augment"));
        } catch (IllegalArgumentException e) {
            problems.add(name + ".augment = " + p.getString("augment") + " is not valid: " + e.getMessage());
        }
        return problems;
    }

    @Override
    public LatentModel fit(Dataset data, TrainingContext ctx) {
        AugmentationPipeline augment = augmentation(data);
        NDManager manager = ctx.manager().newSubManager();
        try {
            ctx.reseed("init", 0);
            EncoderNetwork net = ctx.backbone().build(manager, data.sampleShape());
            if (!net.hasDecoder()) {
                throw new DclustException("the learner " + name + " needs a decoder, and the backbone " + ctx.backbone().name() + " builds none");
            }
            train(net, data, ctx, augment);
            String little = Reconstruction.learnedLittle(name, net, data, "train it longer (" + name + ".epochs) where its reconstruction still"
                    + " falls; where it stalls near the mean image, the adversarial term holds it there: try a smaller " + name + ".criticLr or "
                    + name + ".lambda (0 trains the plain autoencoder)");
            if (little != null) {
                ctx.events().info(little);
            }
            float[][] z = Embeddings.encode(net, data, 1000);
            KMeans.Result km = KMeans.fit(z, ctx.clusters(), params.getInt("kmeansRestarts"), 300, ctx.random("kmeans", 0));
            return new LatentModel(name, net, km.centres(), SoftAssignment.nearest());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Trains {@code net} and a fresh critic for {@code epochs} epochs (resuming from a checkpoint). */
    private void train(EncoderNetwork net, Dataset data, TrainingContext ctx, AugmentationPipeline augment) {
        int batchSize = params.getInt("batchSize");
        int perEpoch = Batches.count(data.size(), batchSize);
        double alphaMax = params.getDouble("alphaMax");
        double gammaMin = params.getDouble("gammaMin");
        double gammaMax = params.getDouble("gammaMax");
        try (NDManager criticManager = ctx.manager().newSubManager()) {
            ctx.reseed(CRITIC_STREAM + "init", 0);
            EncoderNetwork critic = ctx.backbone().build(criticManager, data.sampleShape());
            try (Adam aeOpt = new Adam(net.parameters(), net.manager(), params.getDouble("lr"));
                    Adam criticOpt = new Adam(critic.encoderParameters(), criticManager, params.getDouble("criticLr"))) {
                AcaiStep step = new AcaiStep(net, critic, aeOpt, criticOpt, params.getDouble("lambda"));
                long[] iterations = {0};
                TrainingState state = TrainingState.of(net, aeOpt).arrays("critic", critic::encoderState).optimizer("criticOptimizer", criticOpt)
                        .integer("iterations", () -> iterations[0], v -> iterations[0] = v)
                        .partition(Partition.kmeans(net, data, ctx.clusters(), params.getInt("kmeansRestarts"), ctx.seedFor("kmeans", 0)));
                EpochMeans means = new EpochMeans();
                EpochLoop.run(name, params.getInt("epochs"), data.size(), batchSize, ctx, net.manager(), state, (scope, idx) -> {
                    int epoch = (int) (iterations[0] / perEpoch);
                    int batch = (int) (iterations[0] % perEpoch);
                    iterations[0]++;
                    NDArray x = data.batch(scope, idx);
                    if (augment != null) {
                        x = augment.apply(x, AugmentationPipeline.random(ctx, name, epoch, batch));
                    }
                    Random alphas = new Random(ctx.seedFor(ALPHA_STREAM + batch, epoch));
                    float[] alpha = new float[idx.length];
                    for (int i = 0; i < alpha.length; i++) {
                        alpha[i] = (float) (alphaMax * alphas.nextDouble());
                    }
                    double gamma = gammaMin + (gammaMax - gammaMin) * new Random(ctx.seedFor(CRITIC_STREAM + batch, epoch)).nextDouble();
                    AcaiStep.Terms t = step.step(scope, x, scope.create(alpha), gamma);
                    means.add(idx.length, "reconstruction", t.reconstruction(), "adversarial", t.adversarial(), "critic", t.critic());
                    return t.autoencoder();
                }, epochsDone -> means.take());
            }
        }
    }

    /**
     * The pipeline {@code augment} names, or null for {@code none}.
     *
     * @throws DclustException before any training when augmentation is asked for and the samples are not images
     */
    private AugmentationPipeline augmentation(Dataset data) {
        return AugmentationPipeline.forData(params.getString("augment"), data, name + ".augment");
    }
}
