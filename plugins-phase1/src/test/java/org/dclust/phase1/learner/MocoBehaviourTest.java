package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.testkit.TestMetrics;
import org.junit.jupiter.api.Test;

/**
 * The contrastive claim on data built for it ({@link ShapeImages}: three shapes of equal ink at random
 * places, the class is the shape): MoCo, taught that a shifted, cropped copy of an image is the same
 * image, clusters by shape; a pixel autoencoder, whose codes keep what its reconstruction needs (where
 * the ink is), clusters by place. moco + its k-means centres beats ae + its k-means centres by at
 * least 20 ACC points, same seed (the issue asks for 10; measured: 0.81 against 0.41). Both parts of
 * the claim are needed: without training (0 epochs: random features) moco gets 0.46, and with the two
 * views drawn alike (no invariance to learn) 0.52, 11 points over the autoencoder, under the bar.
 */
class MocoBehaviourTest {
    @Test
    void mocoClustersShapesWhereAPixelAutoencoderClustersPlaces() {
        Dataset data = ShapeImages.of(384, 1);
        Map<String, Object> moco = Map.of("epochs", 15, "batchSize", 64, "queue", 256, "bnSplits", 4, "dim", 32, "lr", 0.1,
                "keyMomentum", 0.99, "temperature", 0.1, "augment", "affine:shift=0.25");
        int[] contrastive = Fits.labels(new MocoLearnerProvider(), moco, data.withoutLabels(), Fits.resnet(8), 1, null, null);
        int[] autoencoder = Fits.labels(new AeLearnerProvider(), Map.of("pretrainEpochs", 50), data.withoutLabels(),
                Fits.mlp("64", 8), 1, null, null);
        double mocoAcc = TestMetrics.acc(data.labels(), contrastive);
        double aeAcc = TestMetrics.acc(data.labels(), autoencoder);
        assertThat(mocoAcc - aeAcc).as("moco ACC %.3f, ae ACC %.3f", mocoAcc, aeAcc).isGreaterThanOrEqualTo(0.20);
    }
}
