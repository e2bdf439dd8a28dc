package org.dclust.api.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adam (Kingma and Ba 2015) with PyTorch's bias correction and defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
public final class Adam extends ParamOptimizer {
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

    /** {@code m.i} and {@code v.i}, the first and second moments of parameter i, and {@code steps}. */
    @Override
    public Map<String, NDArray> state() {
        Map<String, NDArray> s = new LinkedHashMap<>();
        for (int i = 0; i < m.size(); i++) {
            s.put("m." + i, m.get(i));
        }
        for (int i = 0; i < v.size(); i++) {
            s.put("v." + i, v.get(i));
        }
        s.put("steps", stepsArray());
        return s;
    }

    @Override
    public void restore(Map<String, NDArray> state) {
        for (int i = 0; i < m.size(); i++) {
            InPlace.copy(state.get("m." + i), m.get(i));
            InPlace.copy(state.get("v." + i), v.get(i));
        }
        steps = state.get("steps").getLong(0);
    }
}
