package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum as PyTorch defines it: b = μ·b + g; w -= lr·b; or, with
 * {@code nesterov}, PyTorch's {@code nesterov=True}: b = μ·b + g; w -= lr·(g + μ·b). The Nesterov form
 * is the one DCN's authors write (boyangumn/DCN, {@code multi_layer_km.py}, lines 205-207 and
 * 327-329): δ ← μ·δ − lr·g and w ← w + μ²·δ − (1 + μ)·lr·g with δ = −lr·b, the δ on the right being
 * the old velocity (Theano evaluates every update from the values before the step); it is Sutskever
 * et al.'s (2013) Nesterov step.
 */
public final class SgdMomentum extends ParamOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final List<NDArray> buffers = new ArrayList<>();

    /** Plain momentum. */
    public SgdMomentum(List<Parameter> params, NDManager parent, double lr, double momentum) {
        this(params, parent, lr, momentum, false);
    }

    /** Plain or Nesterov momentum. */
    public SgdMomentum(List<Parameter> params, NDManager parent, double lr, double momentum, boolean nesterov) {
        this(params, parent, lr, momentum, nesterov, 0);
    }

    /**
     * Plain or Nesterov momentum with L2 weight decay as PyTorch's {@code weight_decay}: the gradient
     * becomes g + weightDecay·w before the momentum (MoCo: 1e-4).
     */
    public SgdMomentum(List<Parameter> params, NDManager parent, double lr, double momentum, boolean nesterov, double weightDecay) {
        super(params, parent, lr);
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        for (Parameter p : parameters) {
            buffers.add(manager.zeros(p.getArray().getShape()));
        }
    }

    /**
     * The buffer holds the velocity v = lr·b. Plain: one fused libtorch update (DJL's {@code sgdUpdate},
     * which also zeroes the gradient), v ← μv + lr·g and w ← w − v. Nesterov, in place:
     * v ← μv + lr·g and w ← w − (lr·g + μ·v), then the gradient is zeroed. With weight decay g is
     * g + weightDecay·w in both. At a fixed learning rate these are PyTorch's updates; where a schedule
     * changes the rate from lr to lr', PyTorch's next step also rescales the velocity carried over by
     * lr'/lr, this one does not.
     */
    @Override
    protected void update(int i, NDArray w, NDArray g, NDManager scope) {
        NDArray v = buffers.get(i);
        if (!nesterov) {
            w.getNDArrayInternal().sgdUpdate(new NDList(w, g, v), new NDList(w), (float) lr, (float) weightDecay, 1f, -1f, (float) momentum,
                    true);
            return;
        }
        NDArray grad = g;
        if (weightDecay != 0) {
            NDArray decay = w.mul((float) weightDecay);
            decay.attach(scope);
            grad = g.add(decay);
        }
        NDArray step = grad.mul((float) lr);
        v.muli((float) momentum).addi(step);
        w.subi(step.addi(scope.create((float) momentum).mul(v)));
        g.subi(g);
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
