package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Adam (Kingma and Ba 2015) with PyTorch's bias correction and defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
public final class Adam extends ParamOptimizer {
    /** The step count as an array, reused by every {@link #state()} call. */
    private final NDArray stepCount = manager.create(new long[] {0});
    private final double beta1 = 0.9;
    private final double beta2 = 0.999;
    private final double eps = 1e-8;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();

    public Adam(List<Parameter> params, NDManager parent, double lr) {
        super(params, parent, lr);
        for (Parameter p : parameters) {
            m.add(manager.zeros(p.getArray().getShape()));
            v.add(manager.zeros(p.getArray().getShape()));
        }
    }

    /**
     * One fused libtorch update (DJL's {@code adamUpdate}, which also zeroes the gradient) with this
     * optimizer's own moment arrays. DJL's kernel divides by √v + ε with the bias correction folded
     * into the step size; passing ε·√(1 − β2^t) makes that exactly PyTorch's Adam,
     * lr·m̂ / (√v̂ + ε).
     */
    @Override
    protected void update(int i, NDArray w, NDArray g, NDManager scope) {
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        float step = (float) (lr * Math.sqrt(c2) / c1);
        w.getNDArrayInternal().adamUpdate(new NDList(w, g, m.get(i), v.get(i)), new NDList(w), (float) lr, step, 0f, 1f, -1f,
                (float) beta1, (float) beta2, (float) (eps * Math.sqrt(c2)), true, false);
    }

    @Override
    public List<NDArray> state() {
        List<NDArray> s = new ArrayList<>(m);
        s.addAll(v);
        InPlace.copy(new long[] {steps}, stepCount);
        s.add(stepCount);
        return s;
    }

    @Override
    public void restore(List<NDArray> state) {
        int n = m.size();
        for (int i = 0; i < n; i++) {
            InPlace.copy(state.get(i), m.get(i));
            InPlace.copy(state.get(n + i), v.get(i));
        }
        steps = state.get(2 * n).getLong(0);
    }
}
