package org.dclust.framework.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.train.TrainingDivergedException;
import org.dclust.framework.config.PluginChoice;
import org.dclust.framework.config.RunConfig;

/**
 * What to try after a training diverged ({@link TrainingDivergedException}): a smaller value of the
 * learning rates of the plugin that was training, named as {@code --set} spells them with their
 * current values, and standardized input when the run has no preprocessing. A learning rate is a
 * parameter named {@code lr}, ending in {@code Lr} or containing {@code learningRate}; in the shared
 * pretraining phase those whose names start with {@code pretrain}, in the plugin's own phases the
 * others (all of them when that leaves none).
 */
final class DivergenceAdvice {
    private DivergenceAdvice() {
    }

    /**
     * @param role the plugin's role as {@code --set} spells it: "learner" or "refiner"
     * @param plugin the plugin that was training
     * @param phase the phase that diverged
     */
    static String of(String role, PluginChoice<?> plugin, String phase, RunConfig c) {
        List<String> all = new ArrayList<>();
        List<String> inPhase = new ArrayList<>();
        boolean pretraining = Pretraining.PHASE.equals(phase);
        for (ParamSpec p : plugin.provider().parameters()) {
            if (!isLearningRate(p.name())) {
                continue;
            }
            String setting = role + "." + p.name() + " = " + plugin.params().asMap().get(p.name());
            all.add(setting);
            if (p.name().startsWith("pretrain") == pretraining) {
                inPhase.add(setting);
            }
        }
        List<String> rates = inPhase.isEmpty() ? all : inPhase;
        String advice = rates.isEmpty() ? "try a smaller learning rate"
                : "try a smaller learning rate (now " + String.join(", ", rates) + ")";
        if ("none".equalsIgnoreCase(c.preprocessing)) {
            advice += ", or standardized input (--preprocessing standardize)";
        }
        return advice;
    }

    static boolean isLearningRate(String name) {
        return name.equals("lr") || name.endsWith("Lr") || name.toLowerCase(Locale.ROOT).contains("learningrate");
    }
}
