package org.dclust.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The toolkit's optimizers against PyTorch's update rules computed by hand in double precision, on
 * f(w) = s·Σ w³/3 (gradient s·w², so it changes from step to step): four steps at s = 1, and 300
 * Adam steps at s = 1e-6, where gradients are as small as MNet's (its loss is scaled by 1e-3) and
 * ε = 1e-8 is no longer negligible next to √v̂, so a mishandled ε or bias correction shows.
 */
class OptimizerStepsTest {
    private static final double[] W0 = {1.0, -2.0, 0.5};

    @Test
    void adamFollowsPyTorchsRule() {
        assertThat(run(p -> new Adam(List.of(p), p.getArray().getManager(), 0.1), 4, 1)).containsExactly(adam(0.1, 4, 1), within(1e-5));
    }

    @Test
    void adamFollowsPyTorchsRuleOverManyStepsWithTinyGradients() {
        double[] expected = adam(1e-3, 300, 1e-6);
        assertThat(run(p -> new Adam(List.of(p), p.getArray().getManager(), 1e-3), 300, 1e-6)).containsExactly(expected, within(1e-5));
        // ε matters here: without it the weights would end elsewhere (the test can tell the two apart)
        assertThat(Math.abs(expected[2] - adamWithoutEps(1e-3, 300, 1e-6)[2])).isGreaterThan(1e-4);
    }

    /** PyTorch's Adam in double precision: m̂ / (√v̂ + ε) with bias-corrected moments. */
    private static double[] adam(double lr, int steps, double scale) {
        return adam(lr, steps, scale, 1e-8);
    }

    private static double[] adamWithoutEps(double lr, int steps, double scale) {
        return adam(lr, steps, scale, 0);
    }

    private static double[] adam(double lr, int steps, double scale, double eps) {
        double[] w = W0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= steps; t++) {
            for (int i = 0; i < 3; i++) {
                double g = scale * w[i] * w[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        return w;
    }

    @Test
    void sgdWithMomentumFollowsPyTorchsRule() {
        double lr = 0.05;
        double mu = 0.9;
        double[] w = W0.clone();
        double[] b = new double[3];
        for (int t = 1; t <= 4; t++) {
            for (int i = 0; i < 3; i++) {
                double g = w[i] * w[i];
                b[i] = t == 1 ? g : mu * b[i] + g;
                w[i] -= lr * b[i];
            }
        }
        assertThat(run(p -> new SgdMomentum(List.of(p), p.getArray().getManager(), lr, mu), 4, 1)).containsExactly(w, within(1e-5));
    }

    /** PyTorch's SGD with {@code weight_decay} (MoCo's optimizer): g + wd·w enters the momentum buffer, plain and Nesterov. */
    @Test
    void weightDecayFollowsPyTorchsRule() {
        double lr = 0.05;
        double mu = 0.9;
        double wd = 0.1;
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] w = W0.clone();
            double[] b = new double[3];
            for (int t = 1; t <= 4; t++) {
                for (int i = 0; i < 3; i++) {
                    double g = w[i] * w[i] + wd * w[i];
                    b[i] = t == 1 ? g : mu * b[i] + g;
                    w[i] -= lr * (nesterov ? g + mu * b[i] : b[i]);
                }
            }
            assertThat(run(p -> new SgdMomentum(List.of(p), p.getArray().getManager(), lr, mu, nesterov, wd), 4, 1))
                    .as("nesterov " + nesterov).containsExactly(w, within(1e-5));
        }
    }

    /**
     * DCN's authors' update (boyangumn/DCN multi_layer_km.py lines 327-329), Theano evaluating both
     * right-hand sides from the values before the step: δ ← μδ − lr·g, w ← w + μ²δ − (1 + μ)·lr·g.
     */
    @Test
    void nesterovFollowsTheDcnAuthorsRule() {
        double lr = 0.05;
        double mu = 0.9;
        double[] w = W0.clone();
        double[] delta = new double[3];
        for (int t = 1; t <= 4; t++) {
            for (int i = 0; i < 3; i++) {
                double g = w[i] * w[i];
                double old = delta[i];
                delta[i] = mu * old - lr * g;
                w[i] = w[i] + mu * mu * old - (1 + mu) * lr * g;
            }
        }
        assertThat(run(p -> new SgdMomentum(List.of(p), p.getArray().getManager(), lr, mu, true), 4, 1)).containsExactly(w, within(1e-5));
    }

    @Test
    void aStepZeroesTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager);
            List<Function<Parameter, ParamOptimizer>> all = List.of(q -> new Adam(List.of(q), manager, 0.1),
                    q -> new SgdMomentum(List.of(q), manager, 0.1, 0.9), q -> new SgdMomentum(List.of(q), manager, 0.1, 0.9, true));
            for (Function<Parameter, ParamOptimizer> make : all) {
                try (ParamOptimizer opt = make.apply(p); NDManager scope = manager.newSubManager()) {
                    backward(p, 1);
                    opt.step(scope);
                    NDArray g = p.getArray().getGradient();
                    assertThat(g.toFloatArray()).as(opt.getClass().getSimpleName()).containsOnly(0f);
                }
            }
        }
    }

    /**
     * An Adam that continues an earlier one (DKM's single optimizer across pretraining and
     * clustering): 3 steps on f/c, then 2 more on f with the moments rescaled by c, for the first
     * parameter the 5 steps of one Adam on f (Adam's steps do not depend on the scale of the loss, ε
     * aside); a second parameter, new in the second phase, starts from zero moments with the bias
     * correction of steps 4 and 5.
     */
    @Test
    void adamContinuesAnEarlierAdamOnARescaledLoss() {
        double c = 784;
        double lr = 0.1;
        double[] first;
        double[] second;
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager);
            Parameter q = parameter(manager);
            try (Adam earlier = new Adam(List.of(p), manager, lr)) {
                for (int t = 0; t < 3; t++) {
                    try (NDManager scope = manager.newSubManager()) {
                        backward(p, 1 / c);
                        earlier.step(scope);
                    }
                }
                try (Adam later = new Adam(List.of(p, q), manager, lr)) {
                    later.continueFrom(earlier.state(), c);
                    assertThat(later.steps()).isEqualTo(3);
                    for (int t = 0; t < 2; t++) {
                        try (NDManager scope = manager.newSubManager()) {
                            backward(p, 1);
                            backward(q, 1);
                            later.step(scope);
                        }
                    }
                }
            }
            first = toDouble(p.getArray().toFloatArray());
            second = toDouble(q.getArray().toFloatArray());
        }
        assertThat(first).containsExactly(adam(lr, 5, 1), within(1e-5));
        double[] w = W0.clone();
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 4; t <= 5; t++) {
            for (int i = 0; i < 3; i++) {
                double g = w[i] * w[i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w[i] -= lr * (m[i] / (1 - Math.pow(0.9, t))) / (Math.sqrt(v[i] / (1 - Math.pow(0.999, t))) + 1e-8);
            }
        }
        assertThat(second).containsExactly(w, within(1e-5));
    }

    private static double[] toDouble(float[] a) {
        return new double[] {a[0], a[1], a[2]};
    }

    private static double[] run(Function<Parameter, ParamOptimizer> make, int steps, double scale) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager);
            try (ParamOptimizer opt = make.apply(p)) {
                for (int t = 0; t < steps; t++) {
                    try (NDManager scope = manager.newSubManager()) {
                        backward(p, scale);
                        opt.step(scope);
                    }
                }
            }
            float[] out = p.getArray().toFloatArray();
            return new double[] {out[0], out[1], out[2]};
        }
    }

    private static Parameter parameter(NDManager manager) {
        NDArray a = manager.create(new float[] {(float) W0[0], (float) W0[1], (float) W0[2]});
        a.setRequiresGradient(true);
        return Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(a).optRequiresGrad(true).build();
    }

    private static void backward(Parameter p, double scale) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            // Scalars, not NDArray.pow(3) / mul(Number): DJL's own operands could be freed by a GC before backward
            gc.backward(Scalars.mul(Scalars.pow(p.getArray(), 3), scale / 3).sum());
        }
    }
}
