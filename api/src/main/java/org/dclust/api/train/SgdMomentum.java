package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stochastic gradient descent with momentum as PyTorch defines it: b = μ·b + g; w -= lr·b. */
public final class SgdMomentum extends ParamOptimizer {
    private final double momentum;
    private final List<NDArray> buffers = new ArrayList<>();

    public SgdMomentum(List<Parameter> params, NDManager parent, double lr, double momentum) {
        super(params, parent, lr);
        this.momentum = momentum;
        for (Parameter p : parameters) {
            buffers.add(manager.zeros(p.getArray().getShape()));
        }
    }

    /**
     * One fused libtorch update (DJL's {@code sgdUpdate}, which also zeroes the gradient): the buffer
     * holds the velocity v ← μv + lr·g and w ← w − v. At a fixed learning rate that is PyTorch's
     * b ← μb + g, w ← w − lr·b, with v = lr·b.
     */
    @Override
    protected void update(int i, NDArray w, NDArray g, NDManager scope) {
        w.getNDArrayInternal().sgdUpdate(new NDList(w, g, buffers.get(i)), new NDList(w), (float) lr, 0f, 1f, -1f,
                (float) momentum, true);
    }

    /** {@code velocity.i}, the momentum buffer of parameter i, and {@code steps}. */
    @Override
    public Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        for (int i = 0; i < buffers.size(); i++) {
            s.put("velocity." + i, buffers.get(i));
        }
        s.put("steps", stepsArray());
        return s;
    }

    @Override
    public void restore(Map<String, NDArray> state) {
        for (int i = 0; i < buffers.size(); i++) {
            InPlace.copy(state.get("velocity." + i), buffers.get(i));
        }
        steps = state.get("steps").getLong(0);
    }
}
