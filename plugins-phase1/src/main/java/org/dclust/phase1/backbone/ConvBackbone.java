package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;

/**
 * The convolutional autoencoder of the DCSS reference code for the MNIST family (Sadeghi and
 * Armanfard, supplementary section 1; Armanfard-Lab/DCSS {@code Network.py}), for C×28×28 images:
 *
 * <pre>
 * encoder: conv 5×5/2 pad 2 → 32 (no bias) · BatchNorm · ReLU · bottleneck(32)
 *          conv 5×5/2 pad 2 → 64 · ReLU · bottleneck(64)                   (64×7×7)
 *          conv 3×3/2       → 128 · ReLU · bottleneck(128)                 (128×3×3)
 *          flatten · linear 1152 → d
 * decoder: linear d → 1152 · ReLU · reshape 128×3×3
 *          deconv 3×3/2 → 64 · ReLU        (7×7)
 *          deconv 5×5/2 pad 1 → 32 · ReLU  (15×15)
 *          deconv 4×4/2 pad 2 → C          (28×28, linear output)
 * bottleneck(c): conv 1×1 c→64 · BN · ReLU · conv 3×3 pad 1 64→64 · BN · ReLU · conv 1×1 64→c · BN,
 *                plus the identity, then ReLU (convolutions without bias).
 * </pre>
 *
 * Initialisation as the reference code: Xavier-uniform weights and zero biases for convolutions and
 * linear layers, PyTorch's default U(±1/√fan_in) for the transposed convolutions (weights and
 * biases), BatchNorm γ = 1, β = 0 (momentum 0.1 in PyTorch terms, ε = 1e-5). The reference also
 * builds three decoder bottlenecks that its forward pass never calls; they are left out here.
 *
 * <p>Accepted sample shapes: [C, 28, 28] for any C ≥ 1, and [28, 28] or [784], which are read as one
 * 28×28 channel. Any other shape is rejected with a {@link DclustException}.
 */
public final class ConvBackbone implements Backbone {
    private static final int SIDE = 28;
    private static final int WIDTH = 64;
    private static final int[] CHANNELS = {32, 64, 128};
    private static final int CODE_SIDE = 3;

    private final Params params;
    private final int latentDim;

    public ConvBackbone(Params params) {
        this.params = params;
        this.latentDim = params.getInt("latentDim");
    }

    @Override
    public String name() {
        return ConvBackboneProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public int latentDim() {
        return latentDim;
    }

    /** The number of image channels for a supported sample shape; throws for any other shape. */
    static int channels(int[] inputShape) {
        if (inputShape.length == 3 && inputShape[0] >= 1 && inputShape[1] == SIDE && inputShape[2] == SIDE) {
            return inputShape[0];
        }
        if ((inputShape.length == 2 && inputShape[0] == SIDE && inputShape[1] == SIDE)
                || (inputShape.length == 1 && inputShape[0] == SIDE * SIDE)) {
            return 1;
        }
        throw new DclustException("the conv backbone takes samples of shape [C, 28, 28], [28, 28] or [784] (the MNIST family); got "
                + Arrays.toString(inputShape) + ". Use the mlp backbone for other data.");
    }

    @Override
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        int c = channels(inputShape);
        Initializer xavier = new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f);

        SequentialBlock encoder = new SequentialBlock();
        encoder.add(x -> new NDList(x.singletonOrThrow().reshape(-1, c, SIDE, SIDE)));
        encoder.add(xavier(conv(CHANNELS[0], 5, 2, 2, false), xavier))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(bottleneck(CHANNELS[0], xavier))
                .add(xavier(conv(CHANNELS[1], 5, 2, 2, true), xavier))
                .add(Activation::relu)
                .add(bottleneck(CHANNELS[1], xavier))
                .add(xavier(conv(CHANNELS[2], 3, 2, 0, true), xavier))
                .add(Activation::relu)
                .add(bottleneck(CHANNELS[2], xavier))
                .add(x -> new NDList(x.singletonOrThrow().reshape(-1, CHANNELS[2] * CODE_SIDE * CODE_SIDE)))
                .add(xavier(Linear.builder().setUnits(latentDim).build(), xavier));

        SequentialBlock decoder = new SequentialBlock();
        decoder.add(xavier(Linear.builder().setUnits(CHANNELS[2] * CODE_SIDE * CODE_SIDE).build(), xavier))
                .add(Activation::relu)
                .add(x -> new NDList(x.singletonOrThrow().reshape(-1, CHANNELS[2], CODE_SIDE, CODE_SIDE)))
                .add(deconv(CHANNELS[2], CHANNELS[1], 3, 2, 0))
                .add(Activation::relu)
                .add(deconv(CHANNELS[1], CHANNELS[0], 5, 2, 1))
                .add(Activation::relu)
                .add(deconv(CHANNELS[0], c, 4, 2, 2));
        return new EncoderNetwork(this, encoder, decoder, manager, inputShape);
    }

    private static Block conv(int filters, int kernel, int stride, int pad, boolean bias) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optBias(bias).build();
    }

    /** A transposed convolution with PyTorch's default initialisation, U(±1/√fanIn) for weight and bias. */
    private static Block deconv(int in, int filters, int kernel, int stride, int pad) {
        Block b = new TransposedConv(in, filters, kernel, stride, pad);
        UniformInitializer u = new UniformInitializer((float) (1 / Math.sqrt((double) filters * kernel * kernel)));
        b.setInitializer(u, Parameter.Type.WEIGHT);
        b.setInitializer(u, Parameter.Type.BIAS);
        return b;
    }

    private static Block xavier(Block b, Initializer init) {
        b.setInitializer(init, Parameter.Type.WEIGHT);
        return b;
    }

    /** ResNet-style bottleneck with a 64-wide middle and an identity shortcut (the reference's myBottleneck). */
    private static Block bottleneck(int channels, Initializer xavier) {
        SequentialBlock body = new SequentialBlock()
                .add(xavier(conv(WIDTH, 1, 1, 0, false), xavier))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(xavier(conv(WIDTH, 3, 1, 1, false), xavier))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(xavier(conv(channels, 1, 1, 0, false), xavier))
                .add(BatchNorm.builder().build());
        return new ParallelBlock(branches -> {
            NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
            return new NDList(Activation.relu(sum));
        }, List.of(body, Blocks.identityBlock()));
    }

    /**
     * PyTorch's {@code ConvTranspose2d} (weight in × out × k × k, bias, stride s, padding p): DJL's
     * PyTorch engine does not implement deconvolution, so it is computed as the equivalent ordinary
     * convolution: insert s − 1 zeros between input pixels, pad by k − 1 − p, and convolve with the
     * spatially flipped kernel with input and output channels swapped. Output side (H − 1)·s − 2p + k.
     */
    static final class TransposedConv extends AbstractBlock {
        private final int in;
        private final int out;
        private final int kernel;
        private final int stride;
        private final int pad;
        private final Parameter weight;
        private final Parameter bias;

        TransposedConv(int in, int out, int kernel, int stride, int pad) {
            if (pad > kernel - 1) {
                throw new IllegalArgumentException("padding " + pad + " exceeds kernel - 1 = " + (kernel - 1));
            }
            this.in = in;
            this.out = out;
            this.kernel = kernel;
            this.stride = stride;
            this.pad = pad;
            this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(in, out, kernel, kernel)).build());
            this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).optShape(new Shape(out)).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            NDManager scope = x.getManager();
            long b = x.getShape().get(0);
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            NDArray up = x;
            if (stride > 1) {
                // (b, c, h, 1, w, 1) × one-hot (s, 1, s) mask → (b, c, h·s, w·s), keep the first (h − 1)·s + 1 rows/columns
                float[] hot = new float[stride * stride];
                hot[0] = 1;
                NDArray mask = scope.create(hot, new Shape(1, 1, 1, stride, 1, stride));
                up = x.reshape(b, in, h, 1, w, 1).mul(mask).reshape(b, in, h * stride, w * stride)
                        .get(new NDIndex(":, :, :{}, :{}", (h - 1) * stride + 1, (w - 1) * stride + 1));
            }
            // the parameter arrays live in the network's manager: move each derived array into the batch scope
            NDArray wt = store.getValue(weight, x.getDevice(), training).transpose(1, 0, 2, 3);
            wt.attach(scope);
            NDArray flipped = wt.flip(2, 3);
            NDArray bs = store.getValue(bias, x.getDevice(), training);
            int p = kernel - 1 - pad;
            return up.getNDArrayInternal().convolution(up, flipped, bs, new Shape(1, 1), new Shape(p, p), new Shape(1, 1), 1);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            Shape s = inputs[0];
            return new Shape[] {new Shape(s.get(0), out, side(s.get(2)), side(s.get(3)))};
        }

        private long side(long n) {
            return (n - 1) * stride - 2L * pad + kernel;
        }
    }
}
