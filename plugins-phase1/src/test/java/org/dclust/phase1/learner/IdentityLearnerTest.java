package org.dclust.phase1.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.LatentModel;
import org.dclust.api.param.Params;
import org.dclust.api.spi.LearnerProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.Embeddings;
import org.dclust.api.toolkit.KMeans;
import org.dclust.api.train.TrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed features as phase 1: the identity learner is the toolkit's k-means on the data's own vectors. */
class IdentityLearnerTest {
    /** 240 points uniform in [0, 1)^5: no cluster structure, so k-means' result depends on every draw and on the restarts. */
    private static Dataset uniform() {
        Random r = new Random(5);
        float[] v = new float[240 * 5];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return new Dataset("uniform", v, new int[] {5}, null, 4);
    }

    private static float[][] rows(Dataset data) {
        float[][] x = new float[data.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.sample(i);
        }
        return x;
    }

    @Test
    void itsLabelsAndCentresAreTheToolkitsKMeansOnTheVectorsWithTheSameSeed() {
        Dataset data = uniform();
        IdentityLearnerProvider p = new IdentityLearnerProvider();
        Params params = Params.resolve(p.name(), p.parameters(), Map.of("kmeansRestarts", 3));
        try (NDManager m = NDManager.newBaseManager()) {
            // the context's backbone (an mlp here) is not what identity encodes with
            TrainingContext ctx = TrainingContext.builder(m).seed(17).clusters(4).backbone(Fits.mlp("8", 2)).build();
            KMeans.Result expected = KMeans.fit(rows(data), 4, 3, 300,
                    TrainingContext.builder(m).seed(17).clusters(4).build().random("kmeans", 0));
            try (LatentModel lm = p.create(params).fit(data, ctx)) {
                assertThat(lm.network().latentDim()).isEqualTo(5);
                assertThat(lm.network().parameters()).isEmpty();
                assertThat(lm.network().hasDecoder()).isFalse();
                assertThat(Embeddings.encode(lm.network(), data, 64)).isDeepEqualTo(rows(data));
                assertThat(lm.centres()).isDeepEqualTo(expected.centres());
                assertThat(Fits.predict(lm, data)).containsExactly(expected.labels());
            }
            // another seed, other centres: the seed reaches k-means
            try (LatentModel other = p.create(params).fit(data, TrainingContext.builder(m).seed(18).clusters(4).build())) {
                assertThat(other.centres()).isNotEqualTo(expected.centres());
            }
        }
    }

    @Test
    void imagesAreFlattenedAndTheSavedModelLoadsByItsBackbonesName(@TempDir Path tmp) throws Exception {
        float[] v = new float[30 * 2 * 3 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919 % 101) / 101f;
        }
        Dataset images = new Dataset("tiny-images", v, new int[] {2, 3, 3}, null, 3);
        LearnerProvider p = Plugins.find(LearnerProvider.class, "identity");
        try (NDManager m = NDManager.newBaseManager()) {
            TrainingContext ctx = TrainingContext.builder(m).seed(2).clusters(3).build();
            try (LatentModel lm = p.create(Params.defaults(p.name(), p.parameters())).fit(images, ctx)) {
                assertThat(lm.network().latentDim()).isEqualTo(18);
                assertThat(Embeddings.encode(lm.network(), images, 7)[4]).containsExactly(images.sample(4));
                lm.save(tmp.resolve("latent"));
                assertThat(new ObjectMapper().readTree(tmp.resolve("latent/latent.json").toFile()).at("/backbone/name").asText()).isEqualTo("flatten");
                try (LatentModel loaded = LatentModel.load(tmp.resolve("latent"), m)) {
                    assertThat(loaded.centres()).isDeepEqualTo(lm.centres());
                    assertThat(Fits.predict(loaded, images)).containsExactly(Fits.predict(lm, images));
                }
            }
        }
    }

    @Test
    void declaresItsBackboneAndTheAutoencoderLearnersDeclareTheirDecoder() {
        LearnerProvider identity = Plugins.find(LearnerProvider.class, "identity");
        assertThat(identity.defaultBackbone()).isEqualTo("flatten");
        assertThat(identity.backbones()).containsExactly("flatten");
        assertThat(identity.needsDecoder(Params.defaults(identity.name(), identity.parameters()))).isFalse();
        for (String name : List.of("ae", "dcss", "dcss-agg", "dec", "idec", "dcn", "dkm", "acai")) {
            LearnerProvider l = Plugins.find(LearnerProvider.class, name);
            assertThat(l.needsDecoder(Params.defaults(l.name(), l.parameters()))).as(name).isTrue();
            assertThat(l.defaultBackbone()).as(name).isEqualTo("mlp");
            assertThat(l.backbones()).as(name).isEmpty();
        }
    }
}
