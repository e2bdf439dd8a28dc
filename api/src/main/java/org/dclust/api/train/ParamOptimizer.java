package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gradient-descent optimizer whose whole state is arrays it owns, so a checkpoint can hold it and a
 * resumed run continues exactly (DJL's own optimizers keep their moments private). After each
 * {@link #step} the gradients are zeroed. Parameters that need no gradient (BatchNorm running
 * statistics) are skipped.
 */
public abstract class ParamOptimizer implements AutoCloseable {
    protected final List<Parameter> parameters = new ArrayList<>();
    protected final NDManager manager;
    protected double lr;
    protected long steps;
    /** The step count as an array, reused by every {@link #state()} call. */
    private final NDArray stepCount;

    protected ParamOptimizer(List<Parameter> params, NDManager parent, double lr) {
        for (Parameter p : params) {
            if (p.requiresGradient()) {
                parameters.add(p);
            }
        }
        this.manager = parent.newSubManager();
        this.stepCount = manager.create(new long[] {0});
        this.lr = lr;
    }

    /** The learning rate; a schedule may change it between steps. */
    public void setLearningRate(double newLr) {
        this.lr = newLr;
    }

    public double learningRate() {
        return lr;
    }

    /** Updates every parameter from its gradient, then zeroes the gradients. Temporaries go to {@code scope}. */
    public void step(NDManager scope) {
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            NDArray g = w.getGradient();
            g.attach(scope);
            update(i, w, g, scope);
        }
    }

    /** Zeroes gradients without updating (a skipped step). */
    public void zeroGradients(NDManager scope) {
        for (Parameter p : parameters) {
            NDArray g = p.getArray().getGradient();
            g.attach(scope);
            g.subi(g);
        }
    }

    /** One parameter's update; {@code w} must be changed in place and its gradient zeroed. */
    protected abstract void update(int index, NDArray w, NDArray g, NDManager scope);

    /**
     * The optimizer state for a checkpoint, by name: per trained parameter (numbered in the order
     * given to the constructor) its moment arrays, and the step count as {@code steps}.
     */
    public abstract Map<String, NDArray> state();

    /** Restores a {@link #state()} taken earlier: the same names, arrays of the same shapes (copied in). */
    public abstract void restore(Map<String, NDArray> state);

    /** The step count as a one-element array for {@link #state()}, brought up to date. */
    protected final NDArray stepsArray() {
        InPlace.copy(new long[] {steps}, stepCount);
        return stepCount;
    }

    /** The number of steps taken. */
    public long steps() {
        return steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
