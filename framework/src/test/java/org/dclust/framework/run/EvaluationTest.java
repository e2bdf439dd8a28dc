package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dclust.api.spi.MetricProvider;
import org.dclust.framework.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** Metrics that measure the latent codes are scored where the codes exist, and left out elsewhere. */
class EvaluationTest {
    /** A label-based measure of the latent space: here the number of codes times their first value. */
    static final class LatentMeasure implements MetricProvider {
        @Override
        public String name() {
            return "latentMeasure";
        }

        @Override
        public String title() {
            return "test measure of the latent codes";
        }

        @Override
        public boolean needsLatent() {
            return true;
        }

        @Override
        public double score(int[] truth, int[] predicted) {
            throw new UnsupportedOperationException("needs the latent codes");
        }

        @Override
        public double score(int[] truth, int[] predicted, float[][] latent, long seed) {
            return latent.length * latent[0][0] + seed;
        }
    }

    @Test
    void latentMetricsOnlyWithTheCodes() {
        Evaluation e = new Evaluation(PluginRegistry.discover().with(List.of(new LatentMeasure())));
        int[] truth = {0, 0, 1, 1};
        int[] predicted = {1, 1, 0, 0};
        assertThat(e.metrics(truth, predicted)).containsEntry("acc", 1.0).doesNotContainKey("latentMeasure");
        assertThat(e.metrics(truth, predicted, new float[][] {{2}, {0}, {0}, {0}}, 5)).containsEntry("acc", 1.0)
                .containsEntry("latentMeasure", 13.0);
        assertThat(e.metrics(truth, predicted, null, 5)).doesNotContainKey("latentMeasure");
    }
}
