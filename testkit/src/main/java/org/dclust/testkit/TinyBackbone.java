package org.dclust.testkit;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.param.InvalidParameterException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.toolkit.MlpNetworks;

/**
 * A small fully connected autoencoder for plugin tests, D → hidden... → d with a mirrored decoder
 * (the toolkit's {@link MlpNetworks}, as the bundled {@code mlp} backbone),
 * registered as the backbone {@code testkit-tiny} so saved test models load again by name. Plugins
 * see only the api, so their tests take this one instead of the bundled {@code mlp}; the default is
 * D-16-d.
 */
public final class TinyBackbone implements BackboneProvider {
    @Override
    public String name() {
        return "testkit-tiny";
    }

    @Override
    public String title() {
        return "small fully connected autoencoder for plugin tests (D-16-d by default)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("latentDim", 3, 1, 4096, "latent size d"),
                ParamSpec.text("hidden", "16", "encoder hidden layer sizes, comma-separated (decoder mirrors them)"));
    }

    @Override
    public List<String> validate(Params params) {
        return MlpNetworks.layerSizes(params.getString("hidden")) != null ? List.of()
                : List.of(name() + ".hidden = " + params.getString("hidden") + " is not valid: expected positive sizes separated by commas");
    }

    @Override
    public Backbone create(Params params) {
        int d = params.getInt("latentDim");
        int[] hidden = MlpNetworks.layerSizes(params.getString("hidden"));
        if (hidden == null) {
            throw new InvalidParameterException(validate(params));
        }
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
            public EncoderNetwork build(NDManager manager, int[] inputShape) {
                return MlpNetworks.autoencoder(this, manager, inputShape, hidden, d);
            }
        };
    }

    /** The D-16-d backbone with latent size {@code d}. */
    public static Backbone withLatent(int d) {
        return with(d, "16");
    }

    /** The backbone with latent size {@code d} and the given encoder hidden sizes ("32,32"; "" for none). */
    public static Backbone with(int d, String hidden) {
        TinyBackbone p = new TinyBackbone();
        return p.create(Params.resolve(p.name(), p.parameters(), Map.of("latentDim", d, "hidden", hidden)));
    }
}
