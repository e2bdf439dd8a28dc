package org.dclust.phase1.learner;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.train.Adam;
import org.dclust.api.train.ParamOptimizer;
import org.dclust.api.train.SgdMomentum;

/**
 * The clustering-phase optimizer every learner here declares the same way: {@code optimizer}
 * ({@code sgd}: SGD with momentum as PyTorch defines it, or {@code adam}), {@code lr} and
 * {@code momentum} (SGD only). Both keep their state in arrays, so checkpoints resume exactly.
 */
final class Optimizers {
    static final String SGD = "sgd";
    static final String ADAM = "adam";

    private Optimizers() {
    }

    /** The declarations with a learner's defaults. */
    static List<ParamSpec> parameters(String optimizer, double lr, double momentum) {
        return List.of(
                ParamSpec.choice("optimizer", optimizer, List.of(SGD, ADAM), "optimizer of the clustering phase"),
                ParamSpec.real("lr", lr, 1e-10, 10.0, "learning rate of the clustering phase"),
                ParamSpec.real("momentum", momentum, 0.0, 0.999, "momentum of the clustering phase (optimizer = sgd only)"));
    }

    /** The optimizer the parameters name, over {@code params}, its state under {@code parent}. */
    static ParamOptimizer create(Params p, List<Parameter> params, NDManager parent) {
        double lr = p.getDouble("lr");
        return SGD.equals(p.getString("optimizer"))
                ? new SgdMomentum(params, parent, lr, p.getDouble("momentum"))
                : new Adam(params, parent, lr);
    }
}
