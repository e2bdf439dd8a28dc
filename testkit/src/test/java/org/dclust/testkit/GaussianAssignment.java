package org.dclust.testkit;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.toolkit.Distances;

/** A third party's soft assignment for the tests: a Gaussian kernel, q_ik ∝ exp(−‖z_i − c_k‖² / (2σ²)). */
public final class GaussianAssignment implements AssignmentProvider {
    @Override
    public String name() {
        return "test-gaussian";
    }

    @Override
    public String title() {
        return "Gaussian kernel soft assignment (tests)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real("sigma", 1.0, 1e-6, 1e6, "kernel width"));
    }

    @Override
    public NDArray probabilities(NDArray z, NDArray centres, Params params) {
        double sigma = params.getDouble("sigma");
        return Distances.squared(z, centres).mul((float) (-1 / (2 * sigma * sigma))).softmax(1);
    }
}
