package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.Backbone;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.train.TrainingContext;
import org.dclust.testkit.SyntheticData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DEC, IDEC and DKM train their centres with the network: after two epochs they are no longer the
 * k-means centres they started from (those of {@code ae} on the same cached pretraining), and every
 * one of them moved.
 */
class TrainableCentresTest {
    static final Dataset DATA = SyntheticData.blobs(120, 8, 3, 4).withoutLabels();
    static final Backbone NET = Fits.mlp("16", 2);
    static final Map<String, Object> SHARED = Map.of("pretrainEpochs", 3, "batchSize", 32, "kmeansRestarts", 2);

    static Stream<Arguments> learners() {
        return Stream.of(Arguments.of(new DecLearnerProvider(), Map.of("tol", 0.0)), Arguments.of(new IdecLearnerProvider(), Map.of("tol", 0.0)),
                // the authors' lr: eight Adam steps at the default's 1e-4 move a centre by less than 8e-4
                Arguments.of(new DkmLearnerProvider(), Map.of("lr", 1e-3)));
    }

    static float[][] centres(LearnerProvider lp, Map<String, Object> own, Path cache) {
        Map<String, Object> p = new HashMap<>(SHARED);
        p.putAll(own);
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext c = TrainingContext.builder(m).seed(2).clusters(3).backbone(NET).cacheDir(cache).build();
            try (LatentModel lm = lp.create(Params.resolve(lp.name(), lp.parameters(), p)).fit(DATA, c)) {
                return lm.centres();
            }
        }
    }

    @ParameterizedTest(name = "{0}'s centres move")
    @MethodSource("learners")
    void theCentresMove(LearnerProvider lp, Map<String, Object> own, @TempDir Path cache) {
        float[][] start = centres(new AeLearnerProvider(), Map.of(), cache);
        Map<String, Object> two = new HashMap<>(own);
        two.put("epochs", 2);
        float[][] after = centres(lp, two, cache);
        for (int k = 0; k < start.length; k++) {
            double shift = 0;
            for (int j = 0; j < start[k].length; j++) {
                shift = Math.max(shift, Math.abs(after[k][j] - start[k][j]));
            }
            assertThat(shift).as("%s: centre %d moved by", lp.name(), k).isGreaterThan(1e-4);
        }
    }
}
