package org.dclust.refiners.mnet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.model.Refiner;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.RefinerProvider;
import org.dclust.api.toolkit.FuzzyMemberships;

/** Registers the {@code mnet} refiner ({@link MnetRefiner}): DCSS phase 2. */
public final class MnetRefinerProvider implements RefinerProvider {
    static final String NAME = "mnet";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("dcss-mnet");
    }

    @Override
    public String title() {
        return "MNet: a soft-max network on the encoder trained with pairwise self-supervision (DCSS phase 2)";
    }

    @Override
    public String description() {
        return "Appends d-128-128-K (BatchNorm, ReLU, soft-max) to the learner's encoder and trains both end to end: "
                + "pairs with similarity > zeta are pulled together, pairs below gamma pushed apart; the similarity is the "
                + "inner product of fuzzy memberships to the centres for the first uEpochs epochs, then of MNet outputs. "
                + "Assigns argmax q. Presets: every preset runs the paper's schedule, 20 epochs with T2 = 5 (its reference code's): an "
                + "MNet epoch costs a fraction of a phase-1 epoch, so quick saves its time in phase 1 (6 epochs with T2 = 2 "
                + "handed over to q before u had trained; see the README). guard (not in the paper; off in every preset: it cost ACC on MNIST-10k where it saved ACC on 70,000 Fashion-MNIST images, see the README) stops the q-space epochs "
                + "when clusters empty or one swallows others, keeping the last healthy epoch. Times: the README's speed section.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(FuzzyMemberships.DCSS);
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.integer("epochs", 20, 0, 1_000_000, "MNet training epochs (DCSS: 20)"),
                ParamSpec.integer("batchSize", 500, 2, 1_000_000, "mini-batch size; pairs are formed within a batch (DCSS: 500)"),
                ParamSpec.real("lr", 1e-3, 1e-8, 1.0, "Adam learning rate of MNet (DCSS: 1e-3)"),
                ParamSpec.real("encoderLr", 1e-5, 0.0, 1.0, "Adam learning rate of the encoder fine-tuned end to end (DCSS: 1e-5)"),
                ParamSpec.real("zeta", 0.8, 0.0, 1.0, "pairs with similarity above zeta are similar (DCSS: 0.8)"),
                ParamSpec.real("gamma", 0.2, 0.0, 1.0, "pairs with similarity below gamma are dissimilar (DCSS: 0.2)"),
                ParamSpec.real("fuzziness", 1.5, 1.000001, 100.0, "fuzziness m of the memberships of eq. 2 in the u space (DCSS: 1.5)"),
                ParamSpec.integer("uEpochs", 5, 0, 1_000_000, "T2: epochs supervised by the u space before the q space takes over (DCSS: 5)"),
                ParamSpec.real("lossScale", 1e-3, 1e-12, 1e6, "factor on the summed pairwise loss (DCSS reference: 1e-3)"),
                ParamSpec.bool("guard", false, "stop the q-space epochs at the first one after which argmax q (whole data set, evaluation"
                        + " mode) has fewer clusters holding guardMinShare of an even share than when the q space took over, or its largest"
                        + " cluster holds more than guardGrowth times that share, and keep the last healthy epoch's state (not in DCSS)"),
                ParamSpec.real("guardGrowth", 1.5, 1.0, 1000.0, "the guard's bound on the largest cluster's share, as a multiple of"
                        + " its share when the q space took over"),
                ParamSpec.real("guardMinShare", 0.1, 0.0, 1.0, "the guard counts a cluster while it holds this fraction of an even share"
                        + " (n/K samples) or more; 0: while it holds any sample"),
                ParamSpec.bool("preciseBatchNorm", true, "re-estimate the BatchNorm running statistics of MNet and the encoder from each"
                        + " epoch's final weights over the whole data set (one forward pass an epoch), so that evaluation mode (centres,"
                        + " guard, final assignment) matches the training forward; the DCSS reference evaluates in training mode instead"));
    }

    @Override
    public Map<String, Map<String, Object>> presets() {
        return Map.of(
                "quick", Map.of("epochs", 20, "uEpochs", 5),
                "default", Map.of("epochs", 20, "uEpochs", 5),
                "paper", Map.of("epochs", 20, "uEpochs", 5));
    }

    /** gamma &lt;= zeta, checked when the configuration is resolved (each value's range is declared above). */
    @Override
    public List<String> validate(Params params) {
        return MnetRefiner.Settings.problems(params.getDouble("zeta"), params.getDouble("gamma"), params.getDouble("fuzziness"));
    }

    @Override
    public Refiner create(Params params) {
        return new MnetRefiner(MnetRefiner.Settings.from(params));
    }
}
