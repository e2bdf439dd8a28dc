package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.train.Scalars;

/**
 * The soft assignment {@code student-t}: Student's t kernel with α degrees of freedom (DEC, Xie et al.
 * 2016, eq. 1), q_ij ∝ (1 + ‖z_i − μ_j‖²/α)^(−(α+1)/2), normalised over j.
 */
public final class StudentTAssignment implements AssignmentProvider {
    static final String ALPHA = "alpha";

    @Override
    public String name() {
        return "student-t";
    }

    @Override
    public String title() {
        return "Student's t kernel (1 + ||z - mu||^2 / alpha)^(-(alpha+1)/2), normalised (DEC eq. 1)";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(new Citation("Xie, Girshick, Farhadi", "Unsupervised Deep Embedding for Clustering Analysis", 2016, "ICML", "1511.06335"));
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real(ALPHA, 1.0, 1e-6, 1e6, "degrees of freedom alpha (DEC: 1)"));
    }

    @Override
    public NDArray probabilities(NDArray z, NDArray centres, Params params) {
        return of(z, centres, params.getDouble(ALPHA));
    }

    /** q (b, K) of codes z (b, d) to centres c (K, d) with α degrees of freedom: what a learner trains with. */
    public static NDArray of(NDArray z, NDArray c, double alpha) {
        NDArray d2 = Distances.squared(z, c);
        NDArray kernel = Scalars.pow(Scalars.div(d2, alpha).add(1), -(alpha + 1) / 2);
        return kernel.div(kernel.sum(new int[] {1}, true));
    }
}
