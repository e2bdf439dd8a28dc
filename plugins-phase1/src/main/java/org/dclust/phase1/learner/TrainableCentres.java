package org.dclust.phase1.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

/**
 * K cluster centres (K × d) learned by gradient descent together with the network, as DEC (Xie et al.
 * 2016, section 3.1) and DKM (Fard et al. 2020) do: a DJL {@link Parameter} that the
 * toolkit's optimizers update like any weight, so its moments are part of the checkpointed optimizer
 * state.
 *
 * <p>Per DJL-NOTES, an op's result joins the manager of its first operand: a batch must use
 * {@link #inScope}, a differentiable copy in the batch scope, never the long-lived array itself.
 */
final class TrainableCentres implements AutoCloseable {
    private final NDManager manager;
    private final Parameter parameter;

    /** Centres initialised to {@code init} (for instance k-means on the pretrained codes). */
    TrainableCentres(NDManager parent, float[][] init) {
        this.manager = parent.newSubManager();
        NDArray array = manager.create(init);
        array.setRequiresGradient(true);
        this.parameter = Parameter.builder().setName("centres").setType(Parameter.Type.WEIGHT)
                .optArray(array).optRequiresGrad(true).build();
    }

    Parameter parameter() {
        return parameter;
    }

    /** The long-lived array (for checkpoints; do not compute with it inside a batch). */
    NDArray array() {
        return parameter.getArray();
    }

    /**
     * A copy living in {@code scope}; inside a gradient collector the gradient flows back to the
     * centres (zeros(scope) + c is recorded by autograd, whereas {@code duplicate()} is not).
     */
    NDArray inScope(NDManager scope) {
        return scope.zeros(array().getShape()).add(array());
    }

    /** The current centres as a Java matrix. */
    float[][] toMatrix() {
        return Matrices.toMatrix(array());
    }

    @Override
    public void close() {
        manager.close();
    }
}
