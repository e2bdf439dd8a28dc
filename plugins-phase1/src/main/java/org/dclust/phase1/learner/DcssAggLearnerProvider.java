package org.dclust.phase1.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.LatentLearner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.toolkit.Pretraining;
import org.dclust.api.toolkit.PretrainingLearnerProvider;

/**
 * Registers the {@code dcss-agg} learner ({@link DcssLearner}, strategy {@link DcssLearner.Strategy#AGGREGATED}):
 * the DCSSagg ablation of section 4.8.1 (Table 2). The same loss as {@code dcss} (eq. 1), but all K
 * cluster losses of a batch are summed and make one update, and there are K times as many passes over
 * the data, so both take the same number of updates.
 */
public final class DcssAggLearnerProvider implements PretrainingLearnerProvider {
    static final String NAME = "dcss-agg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("dcssagg");
    }

    @Override
    public String title() {
        return "DCSS phase 1 ablation (DCSSagg): the K cluster losses summed into one update per batch, K times as many passes";
    }

    @Override
    public String description() {
        return "As dcss, but per batch one SGD update on the sum over k of the cluster losses of eq. 1. 'epochs' counts DCSSu-equivalent "
                + "epochs: the run makes epochs x K passes over the data (one update per batch each) and re-estimates the centres every "
                + "centreInterval x K passes, so the number of updates and of centre updates equals dcss's. Presets: paper as dcss's "
                + "(200 + 200 epochs, batch 500, lr 1e-6); default = " + Pretraining.DEFAULT_EPOCHS
                + " pretraining and 2 phase-1 epochs at batch 256 and lr 1e-6 (dcss's "
                + "default step, lr 1e-5, was measured for dcss only: one update on the summed losses is larger than each of dcss's K); "
                + "quick = 20 pretraining and 2 phase-1 epochs.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(DcssLearnerProvider.PAPER);
    }

    @Override
    public List<ParamSpec> parameters() {
        return DcssLearnerProvider.declarations("DCSSu-equivalent epochs of phase 1: the run makes epochs x K passes, one update per batch");
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return DcssLearnerProvider.presetTable(Map.of("epochs", 2));
    }

    @Override
    public LatentLearner create(Params params) {
        return new DcssLearner(NAME, DcssLearner.Strategy.AGGREGATED, params);
    }
}
