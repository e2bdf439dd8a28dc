package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.AssignmentProvider;
import org.dclust.api.spi.Citation;
import org.dclust.api.train.Scalars;
import org.dclust.phase1.backbone.ContrastiveEncoder;

/**
 * The soft assignment {@code cosine-softmax}: q_ik = softmax_k(cos(z_i, c_k) / T), the cosine of the
 * code and the centre (both L2-normalised first) at temperature T. SeCu's prediction (Qian, ICCV 2023;
 * idstcv/SeCu: the centre logits x·c / τ_w of unit features and unit centres, T = τ_w = 0.05); its
 * argmax is the nearest centre on the unit sphere.
 */
public final class CosineSoftmaxAssignment implements AssignmentProvider {
    /** The provider's name. */
    static final String NAME = "cosine-softmax";
    /** Its parameter. */
    static final String TEMPERATURE = "temperature";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "softmax over the cosines of code and centres at temperature T (SeCu's cluster prediction)";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(SecuLearnerProvider.CITATION);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.real(TEMPERATURE, 0.05, 1e-4, 100, "temperature T of the softmax (SeCu: tau_w = 0.05)"));
    }

    @Override
    public NDArray probabilities(NDArray z, NDArray centres, Params params) {
        NDArray cosines = ContrastiveEncoder.unitRows(z).matMul(ContrastiveEncoder.unitRows(centres).transpose());
        return Scalars.div(cosines, (float) params.getDouble(TEMPERATURE)).softmax(1);
    }
}
