package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * MoCo's momentum update of the key encoder (He et al. 2020, eq. 2; {@code moco/builder.py},
 * {@code _momentum_update_key_encoder}): θ_k ← m·θ_k + (1 − m)·θ_q for every trainable parameter,
 * in place. Like the authors' loop over {@code parameters()}, it leaves the buffers alone: the key
 * encoder's batch-norm running statistics are its own, never averaged.
 */
final class MomentumUpdate {
    private MomentumUpdate() {
    }

    /**
     * Updates {@code key} from {@code query}, parameter by parameter in the same order (two networks of
     * one architecture); those that need no gradient (running statistics) are skipped.
     *
     * @param m the momentum, in [0, 1)
     * @param scope where the temporaries go
     */
    static void apply(List<Parameter> query, List<Parameter> key, double m, NDManager scope) {
        if (query.size() != key.size()) {
            throw new IllegalArgumentException("the key encoder has " + key.size() + " parameters, the query encoder " + query.size());
        }
        for (int i = 0; i < query.size(); i++) {
            if (!query.get(i).requiresGradient()) {
                continue;
            }
            NDArray share = query.get(i).getArray().mul((float) (1 - m));
            share.attach(scope);
            key.get(i).getArray().muli((float) m).addi(share);
        }
    }
}
