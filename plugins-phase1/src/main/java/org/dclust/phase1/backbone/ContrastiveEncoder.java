package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.UniformInitializer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.train.Scalars;

/**
 * The encoder a contrastive learner trains and hands on: another backbone's encoder f (the
 * "trunk"), optionally an MLP projection head g, and L2 normalisation of the result:
 *
 * <pre>
 * projection = 0:  x → f(x) / ‖f(x)‖                       (the "H space", d = the trunk's size)
 * projection = p:  x → g(f(x)) / ‖g(f(x))‖, g = Linear(d, d) · ReLU · Linear(d, p)   (the "Z space")
 * batchNorm:       g = Linear(d, d) · BatchNorm · ReLU · Linear(d, p)
 * </pre>
 *
 * The head is MoCo v2's (Chen, Fan, Girshick, He 2020, "Improved Baselines with Momentum Contrastive
 * Learning", section 2; facebookresearch/moco {@code moco/builder.py}: the fc layer replaced by
 * Linear-ReLU-Linear with the hidden size of the trunk's features), initialised as PyTorch's
 * {@code nn.Linear} (weights and biases U(±1/√fan_in)). The normalisation is
 * {@code torch.nn.functional.normalize}'s: x / max(‖x‖, 1e-12). With {@code batchNorm} the hidden layer
 * is batch-normalised before the ReLU, SeCu's head (Qian 2023; idstcv/SeCu {@code secu/builder.py}),
 * with PyTorch's {@code BatchNorm1d} defaults (γ = 1, β = 0, momentum 0.1, ε = 1e-5).
 *
 * <p>It is a backbone so that a saved model rebuilds it by name: its parameters name the trunk
 * ({@code backbone}) with its resolved parameters ({@code backboneParams}, a JSON object) and the
 * projection size. The trunk's decoder, where its backbone builds one, is not used.
 */
public final class ContrastiveEncoder implements Backbone {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float EPS = 1e-12f;

    private final Params params;
    private final Backbone trunk;
    private final int projection;
    private final boolean batchNorm;

    /** Rebuilds the trunk its parameters name (they have passed {@link ContrastiveEncoderProvider#validate}). */
    ContrastiveEncoder(Params params) {
        this.params = params;
        this.trunk = trunk(params);
        this.projection = params.getInt("projection");
        this.batchNorm = params.getBool("batchNorm");
    }

    /** The encoder around {@code trunk} with a projection of {@code projection} values (0: none), MoCo v2's head. */
    public static ContrastiveEncoder around(Backbone trunk, int projection) {
        return around(trunk, projection, false);
    }

    /** As {@link #around(Backbone, int)}; with {@code batchNorm} the head's hidden layer is batch-normalised (SeCu's head). */
    public static ContrastiveEncoder around(Backbone trunk, int projection, boolean batchNorm) {
        if (trunk instanceof ContrastiveEncoder) {
            throw new DclustException("the " + ContrastiveEncoderProvider.NAME + " backbone is built by the learner around the run's backbone;"
                    + " choose a trunk such as resnet with --backbone");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("backbone", trunk.name());
        try {
            p.put("backboneParams", JSON.writeValueAsString(trunk.params().asMap()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        p.put("projection", projection);
        p.put("batchNorm", batchNorm);
        ContrastiveEncoderProvider provider = new ContrastiveEncoderProvider();
        return new ContrastiveEncoder(Params.resolve(provider.name(), provider.parameters(), p));
    }

    /**
     * The trunk the parameters name.
     *
     * @throws DclustException when it is not a registered backbone or its parameters do not resolve
     */
    static Backbone trunk(Params params) {
        BackboneProvider provider = Plugins.find(BackboneProvider.class, params.getString("backbone"));
        Map<String, Object> given;
        try {
            given = JSON.readValue(params.getString("backboneParams"), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new DclustException(ContrastiveEncoderProvider.NAME + ".backboneParams is not a JSON object of parameters: "
                    + e.getOriginalMessage());
        }
        Params trunkParams = Params.resolve(provider.name(), provider.parameters(), given == null ? Map.of() : given);
        if (ContrastiveEncoderProvider.NAME.equals(provider.name())) {
            throw new DclustException(ContrastiveEncoderProvider.NAME + " cannot wrap itself; name a trunk such as resnet");
        }
        return provider.create(trunkParams);
    }

    @Override
    public String name() {
        return ContrastiveEncoderProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    /** The trunk this encoder wraps. */
    public Backbone trunk() {
        return trunk;
    }

    /** The projection's size, 0 without one. */
    public int projection() {
        return projection;
    }

    /** An encoder only: the trunk's decoder, where it has one, is not used. */
    @Override
    public boolean buildsDecoder() {
        return false;
    }

    /** The projection's size, or the trunk's without a projection (0 where the trunk's follows the input shape). */
    @Override
    public int latentDim() {
        return projection > 0 ? projection : trunk.latentDim();
    }

    /** The same trunk with another projection (0: none), e.g. the H-space network of a trained Z-space one. */
    public ContrastiveEncoder withProjection(int newProjection) {
        return around(trunk, newProjection, batchNorm);
    }

    @Override
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        EncoderNetwork inner = trunk.build(manager, inputShape);
        SequentialBlock encoder = new SequentialBlock().add(inner.encoderBlock());
        if (projection > 0) {
            int d = inner.latentDim();
            encoder.add(linear(d, d));
            if (batchNorm) {
                encoder.add(BatchNorm.builder().build());
            }
            encoder.add(Activation::relu).add(linear(d, projection));
        }
        encoder.add(ContrastiveEncoder::normalise);
        return EncoderNetwork.encoderOnly(this, encoder, manager, inputShape);
    }

    /** A linear layer initialised as PyTorch's {@code nn.Linear}: weight and bias U(±1/√in). */
    private static Block linear(int in, int out) {
        Block b = Linear.builder().setUnits(out).build();
        UniformInitializer u = new UniformInitializer((float) (1 / Math.sqrt(in)));
        b.setInitializer(u, Parameter.Type.WEIGHT);
        b.setInitializer(u, Parameter.Type.BIAS);
        return b;
    }

    /** Rows divided by their L2 norm, at least 1e-12. */
    static NDList normalise(NDList in) {
        return new NDList(unitRows(in.singletonOrThrow()));
    }

    /** The rows of {@code x} (n, d) divided by their L2 norm, at least 1e-12 ({@code F.normalize}); differentiable. */
    public static NDArray unitRows(NDArray x) {
        return x.div(Scalars.maximum(x.norm(new int[] {1}, true), EPS));
    }
}
