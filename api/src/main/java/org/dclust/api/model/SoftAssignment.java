package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.dclust.api.toolkit.Distances;
import org.dclust.api.toolkit.FuzzyMemberships;
import org.dclust.api.train.Scalars;

/**
 * How a learner assigns latent codes to its centres, as probabilities over K:
 * <ul>
 *   <li>{@code fuzzy}: fuzzy c-means memberships with fuzziness m (DCSS eq. 2);</li>
 *   <li>{@code student-t}: Student's t kernel with α degrees of freedom (DEC eq. 1);</li>
 *   <li>{@code nearest}: one-hot nearest centre (k-means, DCN).</li>
 * </ul>
 * A value type, so it is saved with the model.
 */
public record SoftAssignment(@JsonProperty("kind") String kind, @JsonProperty("parameter") double parameter) {

    @JsonCreator
    public SoftAssignment {
        if (!kind.equals("fuzzy") && !kind.equals("student-t") && !kind.equals("nearest")) {
            throw new IllegalArgumentException("unknown soft assignment " + kind);
        }
    }

    public static SoftAssignment fuzzy(double m) {
        return new SoftAssignment("fuzzy", m);
    }

    public static SoftAssignment studentT(double alpha) {
        return new SoftAssignment("student-t", alpha);
    }

    public static SoftAssignment nearest() {
        return new SoftAssignment("nearest", 0);
    }

    /** Probabilities (b, K) of latent codes (b, d) for centres (K, d); rows sum to 1. */
    public NDArray probabilities(NDArray z, NDArray centres) {
        switch (kind) {
            case "fuzzy":
                return FuzzyMemberships.of(z, centres, parameter);
            case "student-t": {
                NDArray d2 = Distances.squared(z, centres);
                NDArray kernel = Scalars.pow(Scalars.div(d2, parameter).add(1), -(parameter + 1) / 2);
                return kernel.div(kernel.sum(new int[] {1}, true));
            }
            default: {
                NDArray d2 = Distances.squared(z, centres);
                return d2.argMin(1).oneHot((int) centres.getShape().get(0));
            }
        }
    }
}
