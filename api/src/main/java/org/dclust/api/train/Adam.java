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

    /**
     * Continues the training an earlier Adam did, as one Adam object that serves two phases does (DKM's
     * authors' graph, where pretraining and clustering share one TensorFlow Adam): the earlier
     * optimizer's parameters must be the first ones of this optimizer, in the same order; they take
     * its moments, the others (cluster representatives, say) start from zero moments, and the step
     * count, which sets the bias correction, goes on from the earlier one.
     *
     * <p>{@code gradientScale} converts the moments when the new loss is the old one times a factor c
     * (a summed squared error where the earlier phase averaged it over c features): then every
     * gradient is c times larger, the first moment is scaled by c and the second by c², and Adam's
     * steps (lr·m̂/(√v̂ + ε)) are those a phase trained on the new scale throughout would take, ε aside.
     *
     * @param earlier an earlier Adam's {@link #state()}
     * @throws IllegalArgumentException when the earlier state covers more parameters than this one, or
     *     a parameter of another shape
     */
    public void continueFrom(Map<String, NDArray> earlier, double gradientScale) {
        int n = 0;
        while (earlier.containsKey("m." + n)) {
            n++;
        }
        if (n > m.size()) {
            throw new IllegalArgumentException("the earlier optimizer trained " + n + " parameters, this one " + m.size());
        }
        for (int i = 0; i < n; i++) {
            InPlace.copy(earlier.get("m." + i), m.get(i));
            InPlace.copy(earlier.get("v." + i), v.get(i));
            m.get(i).muli((float) gradientScale);
            v.get(i).muli((float) (gradientScale * gradientScale));
        }
        steps = earlier.get("steps").getLong(0);
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
