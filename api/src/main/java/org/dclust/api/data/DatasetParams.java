package org.dclust.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The shared parameters of every dataset plugin of this module, in one place: a plugin declares
 * {@code DatasetParams.with(its own...)} and ends {@code load} with {@link #finish}, which applies,
 * in this order, the imbalance ({@link TransformParams}), the subset ({@link SubsetParams}) and the
 * normalisation (over the final samples).
 */
final class DatasetParams {
    private DatasetParams() {
    }

    /** A plugin's own declarations followed by the subset and transform ones. */
    static List<ParamSpec> with(ParamSpec... own) {
        List<ParamSpec> all = new ArrayList<>(Arrays.asList(own));
        all.addAll(SubsetParams.SPECS);
        all.addAll(TransformParams.SPECS);
        return List.copyOf(all);
    }

    /** The loaded data set after imbalance, subset and normalisation. */
    static Dataset finish(Dataset data, Params params) {
        Dataset d = TransformParams.imbalance(data, params);
        d = SubsetParams.apply(d, params);
        return TransformParams.normalize(d, params);
    }
}
