package org.dclust.testkit;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.dclust.api.model.AutoEncoder;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;

/**
 * A very small fully connected autoencoder (D-16-d, mirrored) for conformance tests, registered as the
 * backbone {@code testkit-tiny} so saved test models can be loaded again by name.
 */
public final class TinyBackbone implements BackboneProvider {
    @Override
    public String name() {
        return "testkit-tiny";
    }

    @Override
    public String title() {
        return "tiny D-16-d autoencoder for conformance tests";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("latentDim", 3, 1, 64, "latent size"));
    }

    @Override
    public Backbone create(Params params) {
        int d = params.getInt("latentDim");
        return new Backbone() {
            @Override
            public String name() {
                return TinyBackbone.this.name();
            }

            @Override
            public Params params() {
                return params;
            }

            @Override
            public int latentDim() {
                return d;
            }

            @Override
            public AutoEncoder build(NDManager manager, int[] inputShape) {
                int size = 1;
                for (int s : inputShape) {
                    size *= s;
                }
                SequentialBlock enc = new SequentialBlock().add(Blocks.batchFlattenBlock())
                        .add(Linear.builder().setUnits(16).build()).add(Activation::relu).add(Linear.builder().setUnits(d).build());
                SequentialBlock dec = new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                        .add(Linear.builder().setUnits(size).build());
                return new AutoEncoder(this, enc, dec, manager, inputShape);
            }
        };
    }

    /** The backbone with the given latent size. */
    public static Backbone withLatent(int d) {
        TinyBackbone p = new TinyBackbone();
        return p.create(Params.resolve(p.name(), p.parameters(), java.util.Map.of("latentDim", d)));
    }
}
