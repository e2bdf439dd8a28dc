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

    @Test
    void aStepZeroesTheGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Parameter p = parameter(manager);
            try (ParamOptimizer opt = new Adam(List.of(p), manager, 0.1); NDManager scope = manager.newSubManager()) {
                backward(p, 1);
                opt.step(scope);
                NDArray g = p.getArray().getGradient();
                assertThat(g.toFloatArray()).containsOnly(0f);
            }
        }
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
