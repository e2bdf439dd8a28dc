package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.framework.config.PluginChoice;
import org.dclust.framework.config.RunConfig;
import org.junit.jupiter.api.Test;

/** The advice after a divergence names the learning rates of the phase that diverged, with their values. */
class DivergenceAdviceTest {
    /** A learner's declarations only: two learning rates (pretraining and its own phase) and other numbers. */
    private static final LearnerProvider DECLARED = new LearnerProvider() {
        @Override
        public String name() {
            return "toy";
        }

        @Override
        public String title() {
            return "declarations for the test";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("pretrainLr", 0.001, 0, 10, "pretraining rate"), ParamSpec.integer("epochs", 5, 0, 9, "epochs"),
                    ParamSpec.real("lr", 0.01, 0, 10, "own rate"), ParamSpec.real("lrDecay", 0.5, 0, 1, "not a rate"));
        }

        @Override
        public LatentLearner create(Params params) {
            throw new UnsupportedOperationException("declarations only");
        }
    };

    private static PluginChoice<LearnerProvider> choice() {
        return new PluginChoice<>(DECLARED, Params.resolve("toy", DECLARED.parameters(), Map.of("pretrainLr", 1)));
    }

    @Test
    void pretrainingNamesItsOwnRateAndStandardizedInput() {
        RunConfig c = new RunConfig();
        assertThat(DivergenceAdvice.of("learner", choice(), "pretrain", c))
                .isEqualTo("try a smaller learning rate (now learner.pretrainLr = 1.0), or standardized input (--preprocessing standardize)");
    }

    @Test
    void thePluginsOwnPhaseNamesTheOtherRatesAndNoPreprocessingWhenThereIsSome() {
        RunConfig c = new RunConfig();
        c.preprocessing = "standardize";
        assertThat(DivergenceAdvice.of("learner", choice(), "toy", c)).isEqualTo("try a smaller learning rate (now learner.lr = 0.01)");
        assertThat(DivergenceAdvice.isLearningRate("encoderLr")).isTrue();
        assertThat(DivergenceAdvice.isLearningRate("lrDecay")).isFalse();
    }
}
