package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
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

    @Override
    protected void update(int i, NDArray w, NDArray g, NDManager scope) {
        NDArray mi = m.get(i);
        NDArray vi = v.get(i);
        mi.muli(beta1).addi(scoped(g.mul(1 - beta1), scope));
        vi.muli(beta2).addi(scoped(g.square().muli(1 - beta2), scope));
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        NDArray denom = scoped(vi.div(c2), scope).sqrt().addi(eps);
        NDArray delta = scoped(mi.mul(lr / c1), scope).divi(denom);
        w.subi(delta);
    }

    @Override
    public List<NDArray> state() {
        List<NDArray> s = new ArrayList<>(m);
        s.addAll(v);
        stepCount.set(new long[] {steps});
        s.add(stepCount);
        return s;
    }

    @Override
    public void restore(List<NDArray> state) {
        int n = m.size();
        for (int i = 0; i < n; i++) {
            state.get(i).copyTo(m.get(i));
            state.get(n + i).copyTo(v.get(i));
        }
        steps = state.get(2 * n).getLong(0);
    }
}
