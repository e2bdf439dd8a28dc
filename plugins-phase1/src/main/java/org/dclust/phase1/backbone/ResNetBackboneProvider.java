package org.dclust.phase1.backbone;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Citation;

/** Registers the {@code resnet} backbone ({@link ResNetBackbone}): a small CIFAR-style residual network, encoder only. */
public final class ResNetBackboneProvider implements BackboneProvider {
    static final String NAME = "resnet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "small CIFAR-style residual network, encoder only (3x3 stem, basic blocks, BatchNorm, global average pooling)";
    }

    @Override
    public String description() {
        return "3x3 stem of width channels, then stages of basic residual blocks (two 3x3 convolutions with BatchNorm; the width "
                + "doubles and the side halves at each new stage), global average pooling: the code is the pooled feature vector of "
                + "width * 2^(stages - 1) values. No decoder: for learners that do not reconstruct (moco) and as the encoder MNet "
                + "fine-tunes. Images [C, H, W] or [H, W] (1x28x28, 3x32x32). Defaults (the quick and default presets): a ResNet-8 "
                + "(3 stages of 1 block) of width 8, d = 32, sized for a CPU: on the 3,000 embedded images moco clustered better with "
                + "it than with width 16 in the same 20 epochs (ACC 0.60 against 0.52, seed 1) at half the time. width=16 is the "
                + "ResNet paper's CIFAR ResNet-8 (blocks=3: ResNet-20); paper = the CIFAR ResNet-18 of MoCo's CIFAR demo (width 64, "
                + "4 stages of 2 blocks, d = 512, GPU-sized). Times: the README's speed section.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("He, Zhang, Ren, Sun", "Deep Residual Learning for Image Recognition", 2016, "CVPR", "1512.03385"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("width", 8, 1, 1024, "channels of the stem and the first stage (each further stage doubles them); on the CPU a multiple of oneDNN's channel block (8 under the launcher's AVX2 cap)"),
                ParamSpec.integer("stages", 3, 1, 6, "stages of residual blocks; every stage after the first halves the image side"),
                ParamSpec.integer("blocks", 1, 1, 64, "basic blocks per stage (ResNet-8: 1, ResNet-20: 3, CIFAR ResNet-18: 2)"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of("paper", Map.of("width", 64, "stages", 4, "blocks", 2));
    }

    @Override
    public Backbone create(Params params) {
        return new ResNetBackbone(params);
    }
}
