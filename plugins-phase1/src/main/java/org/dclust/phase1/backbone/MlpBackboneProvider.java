package org.dclust.phase1.backbone;

import java.util.List;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.model.Backbone;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.MlpNetworks;

/** Registers the {@code mlp} backbone ({@link MlpBackbone}). */
public final class MlpBackboneProvider implements BackboneProvider {
    static final String NAME = "mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("dec-ae");
    }

    @Override
    public String title() {
        return "fully connected autoencoder D-500-500-2000-d with mirrored decoder";
    }

    @Override
    public String description() {
        return "The autoencoder of DEC, IDEC, DCN and DKM for MNIST-like data; the CPU-friendly choice.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Xie, Girshick, Farhadi", "Unsupervised Deep Embedding for Clustering Analysis", 2016, "ICML", "1511.06335"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("latentDim", 10, 1, 4096, "size of the latent space d"),
                ParamSpec.text("hidden", "500,500,2000", "encoder hidden layer sizes, comma-separated (decoder mirrors them)"));
    }

    /** {@code hidden} must be positive layer sizes separated by commas (checked when the configuration is resolved). */
    @Override
    public List<String> validate(Params params) {
        String text = params.getString("hidden");
        return MlpNetworks.layerSizes(text) == null ? List.of(problem(text)) : List.of();
    }

    @Override
    public Backbone create(Params params) {
        parseHidden(params.getString("hidden"));
        return new MlpBackbone(params);
    }

    /** The layer sizes of {@code hidden}; throws the one message of {@link #validate} when they are not valid. */
    static int[] parseHidden(String text) {
        int[] h = MlpNetworks.layerSizes(text);
        if (h == null) {
            throw new DclustException(problem(text));
        }
        return h;
    }

    private static String problem(String text) {
        return "mlp.hidden = " + text + " is not valid: expected positive layer sizes separated by commas, e.g. 500,500,2000";
    }
}
