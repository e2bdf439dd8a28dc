package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.FuzzyMemberships;

/** The soft assignment {@code fuzzy}: fuzzy c-means memberships with fuzziness m (DCSS eq. 2, {@link FuzzyMemberships}). */
public final class FuzzyAssignment implements AssignmentProvider {
    static final String M = "m";

    @Override
    public String name() {
        return "fuzzy";
    }

    @Override
    public String title() {
        return "fuzzy c-means memberships u_ik proportional to ||z_i - c_k||^(-2/(m-1)) (DCSS eq. 2)";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(FuzzyMemberships.DCSS);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real(M, FuzzyMemberships.DEFAULT_M, 1.000001, 100.0, "fuzziness m (DCSS: 1.5)"));
    }

    @Override
    public NDArray probabilities(NDArray z, NDArray centres, Params params) {
        return FuzzyMemberships.of(z, centres, params.getDouble(M));
    }
}
