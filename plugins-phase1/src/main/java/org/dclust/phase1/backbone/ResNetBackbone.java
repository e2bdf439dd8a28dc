package org.dclust.phase1.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.Params;
import org.dclust.api.train.OneDnnIsa;

/**
 * A small residual network of the CIFAR kind (He, Zhang, Ren, Sun, "Deep Residual Learning for Image
 * Recognition", CVPR 2016, section 4.2), encoder only, for images of shape [C, H, W]:
 *
 * <pre>
 * stem:    conv 3×3/1 pad 1 → w (no bias) · BatchNorm · ReLU              (no max-pool: small images)
 * stage s: {@code blocks} basic blocks of w·2^s channels, s = 0 .. stages − 1; the first block of
 *          every stage but the first has stride 2 (the side halves)
 * head:    global average pooling · flatten                              (the pooled features, d = w·2^(stages − 1))
 * basic block(c, stride): conv 3×3/stride → c · BN · ReLU · conv 3×3/1 → c · BN, plus the shortcut,
 *          then ReLU; the shortcut is the identity, or conv 1×1/stride → c · BN where the stride or
 *          the width changes (the paper's option B, as torchvision's and MoCo's CIFAR demo's ResNet-18).
 * </pre>
 *
 * With width 16 and 3 stages of n blocks it is the paper's ResNet-(6n + 2) for CIFAR-10 (d = 64):
 * n = 1 is ResNet-8, n = 3 ResNet-20 (the defaults are a ResNet-8 of width 8, sized for a CPU); width 64,
 * 4 stages, 2 blocks is the "CIFAR ResNet-18" of MoCo's CIFAR-10 demo (facebookresearch/moco, branch
 * {@code colab-notebook}) and of most contrastive CIFAR code (d = 512). Convolutions have no bias
 * (BatchNorm follows each). Initialisation as torchvision's ResNet: convolution weights He-normal over
 * the fan-out (std √(2 / (k²·c_out))), BatchNorm γ = 1, β = 0, momentum 0.1 in PyTorch terms, ε = 1e-5.
 *
 * <p>There is no decoder: the network encodes, and a learner that reconstructs cannot train it. The
 * code is the pooled feature vector (non-negative, after the last ReLU), what contrastive learners
 * call the "H space" (DCSS Table 3).
 *
 * <p>Accepted sample shapes: [C, H, W] and [H, W] (one channel), with H and W at least
 * 2^(stages − 1), so that the last stage keeps a pixel. 1×28×28 (the MNIST family) and 3×32×32
 * (CIFAR) are what it is meant for.
 */
public final class ResNetBackbone implements Backbone {
    private final Params params;
    private final int width;
    private final int stages;
    private final int blocks;

    public ResNetBackbone(Params params) {
        this.params = params;
        this.width = params.getInt("width");
        this.stages = params.getInt("stages");
        this.blocks = params.getInt("blocks");
    }

    @Override
    public String name() {
        return ResNetBackboneProvider.NAME;
    }

    @Override
    public Params params() {
        return params;
    }

    /** The pooled features' size, {@code width · 2^(stages − 1)}. */
    @Override
    public int latentDim() {
        return width << (stages - 1);
    }

    /** An encoder only: no decoder. */
    @Override
    public boolean buildsDecoder() {
        return false;
    }

    /**
     * Refuses a width that is not a multiple of oneDNN's channel block on the CPU ({@link
     * OneDnnIsa#channelBlock()}; every stage's width is then one too): the kernels that pad the channels
     * gave NaN losses from run to run with the same seed. Measured on an AMD Zen 5 machine, one thread,
     * oneDNN capped at AVX2 (a block of 8), {@code SecuLearnerTest}'s width-4 network: NaN in 9 of 24 runs;
     * width 8: in none of 24; uncapped (AVX-512, a block of 16) width 8: in 8 of 10. README, "Speed: MKL on AMD processors".
     *
     * @throws DclustException naming the width, the block and what to use instead
     */
    void requireWholeChannelBlocks(int block, String cap) {
        if (width % block != 0) {
            throw new DclustException("the resnet backbone's width " + width + " is not a multiple of " + block
                    + ", the channel block of libtorch's CPU convolution kernels here (oneDNN, " + cap
                    + "): with such widths they gave NaN losses from run to run. Use width " + ((width / block) + 1) * block
                    + (block == 16 ? ", or cap oneDNN at AVX2 with ONEDNN_MAX_CPU_ISA=AVX2 (the dclust launcher does) and use a multiple of 8" : "")
                    + " (README, \"Speed: MKL on AMD processors\").");
        }
    }

    /** {C, H, W} for a supported sample shape; throws for any other. */
    int[] image(int[] inputShape) {
        int[] chw = inputShape.length == 3 ? inputShape.clone()
                : inputShape.length == 2 ? new int[] {1, inputShape[0], inputShape[1]} : null;
        int least = 1 << (stages - 1);
        if (chw == null || chw[0] < 1 || chw[1] < least || chw[2] < least) {
            throw new DclustException("the resnet backbone takes images of shape [C, H, W] or [H, W] with H and W at least " + least
                    + " (for " + stages + " stages); got " + Arrays.toString(inputShape)
                    + ". Use the mlp backbone for data that are not images.");
        }
        return chw;
    }

    @Override
    public EncoderNetwork build(NDManager manager, int[] inputShape) {
        int[] chw = image(inputShape);
        if (!manager.getDevice().isGpu()) {
            requireWholeChannelBlocks(OneDnnIsa.channelBlock(), OneDnnIsa.describe());
        }
        Initializer he = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2f);
        SequentialBlock encoder = new SequentialBlock();
        encoder.add(x -> new NDList(x.singletonOrThrow().reshape(-1, chw[0], chw[1], chw[2])))
                .add(conv(width, 3, 1, he))
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
        int in = width;
        for (int s = 0; s < stages; s++) {
            int out = width << s;
            for (int b = 0; b < blocks; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                encoder.add(basicBlock(in, out, stride, he));
                in = out;
            }
        }
        encoder.add(ResNetBackbone::globalAveragePool);
        return EncoderNetwork.encoderOnly(this, encoder, manager, inputShape);
    }

    /** (b, c, h, w) → (b, c): the mean of each channel over the image. */
    private static NDList globalAveragePool(NDList in) {
        NDArray x = in.singletonOrThrow();
        Shape s = x.getShape();
        return new NDList(x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2}));
    }

    /** A 3×3 (pad 1) or 1×1 (pad 0) convolution without bias, He-initialised over the fan-out. */
    private static Block conv(int filters, int kernel, int stride, Initializer he) {
        int pad = kernel / 2;
        Block b = Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad)).optBias(false).build();
        b.setInitializer(he, Parameter.Type.WEIGHT);
        return b;
    }

    /** The basic block of two 3×3 convolutions with its shortcut (see the class comment). */
    private static Block basicBlock(int in, int out, int stride, Initializer he) {
        SequentialBlock body = new SequentialBlock()
                .add(conv(out, 3, stride, he))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(out, 3, 1, he))
                .add(BatchNorm.builder().build());
        Block shortcut = stride == 1 && in == out ? Blocks.identityBlock()
                : new SequentialBlock().add(conv(out, 1, stride, he)).add(BatchNorm.builder().build());
        return new ParallelBlock(branches -> {
            NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
            return new NDList(Activation.relu(sum));
        }, List.of(body, shortcut));
    }
}
