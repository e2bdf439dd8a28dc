package org.dclust.api.data;

import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The transform parameters every data set plugin takes ({@link DatasetParams}), declared once:
 * {@code imbalance} (the retention rate r of {@link Imbalance}; 1, the default, keeps every sample),
 * {@code imbalanceSeed}, and {@code normalize} ({@code none}, {@code unit}, {@code standardize} or
 * {@code channel}, see {@link Normalization}).
 */
final class TransformParams {
    static final String IMBALANCE = "imbalance";
    static final String IMBALANCE_SEED = "imbalanceSeed";
    static final String NORMALIZE = "normalize";

    /** The three declarations. */
    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.real(IMBALANCE, 1.0, 0.0, 1.0, "retention rate r (DCSS Fig. 7): class 0 is kept with probability r, "
                    + "the last class with probability 1, linearly in between; 1 keeps all; needs labels"),
            ParamSpec.integer(IMBALANCE_SEED, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed of the imbalance draws"),
            ParamSpec.choice(NORMALIZE, Normalization.NONE, Normalization.KINDS, "values as read (none), all scaled to [0, 1] "
                    + "(unit), each feature to mean 0 and variance 1 (standardize), or each image channel so (channel)"));

    private TransformParams() {
    }

    /**
     * {@code data} with the retention rate applied ({@code data} itself when r is 1). The last class
     * is kept whole, so the result is never empty; the classes r removes altogether are no longer
     * counted ({@link Dataset#subset}).
     */
    static Dataset imbalance(Dataset data, Params params) {
        double r = params.getDouble(IMBALANCE);
        if (r >= 1.0) {
            return data;
        }
        if (!data.hasLabels()) {
            throw new DclustException(params.owner() + "." + IMBALANCE + " = " + r + " needs labels, but the data set "
                    + data.name() + " has none");
        }
        int[] keep = Imbalance.keep(data.labels(), data.numClasses(), r, params.getInt(IMBALANCE_SEED));
        return keep.length == data.size() ? data : data.subset(data.name(), keep);
    }

    /** {@code data} normalised as asked; its array is changed in place (it is the loader's own). */
    static Dataset normalize(Dataset data, Params params) {
        Normalization.apply(params.getString(NORMALIZE), data.values(), data.sampleShape(), data.name());
        return data;
    }
}
