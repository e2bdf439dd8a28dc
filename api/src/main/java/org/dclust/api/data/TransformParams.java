package org.dclust.datasets;

import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The transform parameters every dataset plugin of this module takes, declared once:
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

    /** {@code data} with the retention rate applied ({@code data} itself when r is 1). */
    static Dataset imbalance(Dataset data, Params params) {
        double r = params.getDouble(IMBALANCE);
        if (r >= 1.0) {
            return data;
        }
        if (!data.hasLabels()) {
            throw new DclustException(params.owner() + "." + IMBALANCE + " = " + r + " needs labels, but the data set "
                    + data.name() + " has none");
        }
        int classes = data.numClasses();
        if (classes == 0) {
            for (int l : data.labels()) {
                classes = Math.max(classes, l + 1);
            }
        }
        int[] keep = Imbalance.keep(data.labels(), classes, r, params.getInt(IMBALANCE_SEED));
        if (keep.length == 0) {
            throw new DclustException(params.owner() + "." + IMBALANCE + " = " + r + " keeps none of the " + data.size()
                    + " samples of " + data.name() + "; raise it");
        }
        return keep.length == data.size() ? data : data.subset(data.name(), keep);
    }

    /** {@code data} normalised as asked; its array is changed in place (it is the loader's own). */
    static Dataset normalize(Dataset data, Params params) {
        Normalization.apply(params.getString(NORMALIZE), data.values(), data.sampleShape(), data.name());
        return data;
    }
}
