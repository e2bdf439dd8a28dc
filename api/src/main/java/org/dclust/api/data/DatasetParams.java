package org.dclust.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The parameters every data set plugin takes, declared once, so that a third-party data set gets
 * them too: the subset {@code n} (samples to keep, 0 = all), {@code subset}
 * ({@code first}|{@code stratified}) and {@code subsetSeed}; the imbalance {@code imbalance} (the
 * retention rate r of DCSS Fig. 7, see {@code Imbalance}) and {@code imbalanceSeed}; and
 * {@code normalize} ({@code none}|{@code unit}|{@code standardize}|{@code channel}).
 *
 * <p>A plugin declares {@code DatasetParams.with(its own ParamSpecs...)} as its parameters and ends
 * {@code load} with {@code return DatasetParams.finish(data, params);}, which applies, in this
 * order, the imbalance, the subset, and the normalisation (over the final samples). The labels of
 * the result hold only the classes its samples have ({@link Dataset#subset}), so an imbalance or a
 * subset that drops a class lowers {@link Dataset#numClasses()}.
 */
public final class DatasetParams {
    private DatasetParams() {
    }

    /** A plugin's own declarations followed by the subset and transform ones. */
    public static List<ParamSpec> with(ParamSpec... own) {
        List<ParamSpec> all = new ArrayList<>(Arrays.asList(own));
        all.addAll(SubsetParams.SPECS);
        all.addAll(TransformParams.SPECS);
        return List.copyOf(all);
    }

    /**
     * The loaded data set after imbalance, subset and normalisation; {@code data}'s value array is
     * normalised in place (it must be the loader's own).
     *
     * @param params resolved against a list built by {@link #with}
     * @throws org.dclust.api.DclustException when n exceeds the samples, the imbalance has no labels
     *     to work on, or normalize = channel meets vectors (the message names the parameter)
     */
    public static Dataset finish(Dataset data, Params params) {
        Dataset d = TransformParams.imbalance(data, params);
        d = SubsetParams.apply(d, params);
        return TransformParams.normalize(d, params);
    }
}
