package org.dclust.api.toolkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * K cluster centres (K × d) learned by gradient descent together with the network, as DEC (Xie et al.
 * 2016, section 3.1) and DKM (Fard et al. 2020) do: a DJL {@link Parameter} that the toolkit's
 * optimizers update like any weight, so its moments are part of the checkpointed optimizer state.
 * Checkpoint {@link #array()} with {@link TrainingState#array}.
 *
 * <p>Per DJL-NOTES, an op's result joins the manager of its first operand: a batch must use
 * {@link #inScope}, a differentiable copy in the batch scope, never the long-lived array itself.
 */
public final class TrainableCentres implements AutoCloseable {
    private final NDManager manager;
    private final Parameter parameter;

    /** Centres initialised to {@code init} (for instance k-means on the pretrained codes), in a sub-manager of {@code parent}. */
    public TrainableCentres(NDManager parent, float[][] init) {
        this.manager = parent.newSubManager();
        NDArray array = manager.create(init);
        array.setRequiresGradient(true);
        this.parameter = Parameter.builder().setName("centres").setType(Parameter.Type.WEIGHT)
                .optArray(array).optRequiresGrad(true).build();
    }

    /** The parameter to hand to an optimizer. */
    public Parameter parameter() {
        return parameter;
    }

    /** {@code others} followed by the centres: the parameters an optimizer trains jointly. */
    public List<Parameter> after(List<Parameter> others) {
        List<Parameter> all = new ArrayList<>(others);
        all.add(parameter);
        return all;
    }

    /** The long-lived (K, d) array (for checkpoints; do not compute with it inside a batch). */
    public NDArray array() {
        return parameter.getArray();
    }

    /**
     * A copy living in {@code scope}; inside a gradient collector the gradient flows back to the
     * centres (zeros(scope) + c is recorded by autograd, whereas {@code duplicate()} is not).
     */
    public NDArray inScope(NDManager scope) {
        return scope.zeros(array().getShape()).add(array());
    }

    /** The current centres as a Java matrix. */
    public float[][] toMatrix() {
        return Matrices.toMatrix(array());
    }

    @Override
    public void close() {
        manager.close();
    }
}
