package org.dclust.api.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * The optimizer of a training phase, declared the same way by every learner that lets the user choose
 * it: {@code optimizer} ({@value #SGD}: {@link SgdMomentum}, SGD with momentum as PyTorch defines it;
 * {@value #NESTEROV}: {@link SgdMomentum} with Nesterov momentum; {@value #ADAM}: {@link Adam}),
 * {@code lr} and {@code momentum} (the two SGDs only). All keep their state in arrays, so checkpoints
 * resume exactly.
 *
 * <pre>{@code
 * parameters():  p.addAll(Optimizers.parameters(Optimizers.ADAM, 1e-3, 0.9));
 * fit(...):      try (ParamOptimizer opt = Optimizers.create(params, net.parameters(), net.manager())) { ... }
 * }</pre>
 */
public final class Optimizers {
    /** The {@code optimizer} value for {@link SgdMomentum}. */
    public static final String SGD = "sgd";
    /** The {@code optimizer} value for {@link SgdMomentum} with Nesterov momentum. */
    public static final String NESTEROV = "nesterov";
    /** The {@code optimizer} value for {@link Adam}. */
    public static final String ADAM = "adam";

    private Optimizers() {
    }

    /** The declarations of {@code optimizer}, {@code lr} and {@code momentum} with a learner's defaults. */
    public static List<ParamSpec> parameters(String optimizer, double lr, double momentum) {
        return List.of(
                ParamSpec.choice("optimizer", optimizer, List.of(SGD, NESTEROV, ADAM), "optimizer of the clustering phase"),
                ParamSpec.real("lr", lr, 1e-10, 10.0, "learning rate of the clustering phase"),
                ParamSpec.real("momentum", momentum, 0.0, 0.999, "momentum of the clustering phase (optimizer = sgd or nesterov only)"));
    }

    /**
     * The optimizer the resolved {@link #parameters} name, over {@code params} (those that need no
     * gradient are skipped), its state in a sub-manager of {@code parent}.
     */
    public static ParamOptimizer create(Params p, List<Parameter> params, NDManager parent) {
        double lr = p.getDouble("lr");
        switch (p.getString("optimizer")) {
            case SGD:
                return new SgdMomentum(params, parent, lr, p.getDouble("momentum"));
            case NESTEROV:
                return new SgdMomentum(params, parent, lr, p.getDouble("momentum"), true);
            default:
                return new Adam(params, parent, lr);
        }
    }
}
