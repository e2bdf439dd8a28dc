package org.dclust.framework.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.List;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.MlpHead;
import org.dclust.api.train.Finite;

/**
 * Whether a trained model holds only finite numbers: the check behind a divergence that a plugin
 * training outside the shared epoch loop would not report. A hard assignment (nearest centre) turns
 * NaN centres into a finite, all-zero-cluster answer, so the arrays themselves are checked, not only
 * what the model outputs: the network's parameters, the centres, and the head's parameters (for the
 * heads the API ships; any other head is judged by its probabilities).
 */
final class FiniteModels {
    private FiniteModels() {
    }

    /** Phase 1's result: centres and network parameters. */
    static boolean latent(LatentModel m) {
        return Finite.all(m.centres()) && Finite.all(m.network().state());
    }

    /** Phase 2's result: network parameters and the head's centres or parameters. */
    static boolean cluster(ClusterModel m) {
        if (!Finite.all(m.network().state())) {
            return false;
        }
        ClusterHead head = m.head();
        if (head instanceof CentroidHead c) {
            return Finite.all(c.centres());
        }
        if (head instanceof MlpHead mlp) {
            List<NDArray> arrays = mlp.parameters().stream().map(Parameter::getArray).toList();
            return Finite.all(arrays);
        }
        return true;
    }
}
