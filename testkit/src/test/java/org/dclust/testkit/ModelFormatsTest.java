package org.dclust.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.model.CentroidHead;
import org.dclust.api.model.ClusterModel;
import org.dclust.api.model.EncoderNetwork;
import org.dclust.api.model.LatentModel;
import org.dclust.api.model.SoftAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heads and soft assignments load by name: a third party's head (with files of its own) and soft
 * assignment, registered through ServiceLoader, save and load like the built-in ones; models and
 * latent models of format 1 (one unnamed assignment parameter) still load and predict the same; a
 * newer format and a head no plugin provides are refused with one message.
 */
class ModelFormatsTest {
    private static final float[][] CENTRES = {{0f, 0f, 1f}, {2f, -1f, 0f}, {-1f, 1f, 1f}};
    private final Dataset data = SyntheticData.blobs(60, 8, 3, 2);

    private static EncoderNetwork network(NDManager m) {
        m.getEngine().setRandomSeed(5);
        return TinyBackbone.withLatent(3).build(m.newSubManager(), new int[] {8});
    }

    @Test
    void aThirdPartyHeadSavesAndLoads(@TempDir Path dir) {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = network(m);
            ClusterModel model = new ClusterModel(net, TemperatureHead.of(net.manager(), CENTRES, 0.5), null, null);
            float[][] before = model.predictProba(data);
            save(model, dir);
            try (ClusterModel loaded = ClusterModel.load(dir)) {
                assertThat(loaded.head()).isInstanceOf(TemperatureHead.class);
                assertThat(loaded.predictProba(data)).isDeepEqualTo(before);
            }
        }
    }

    @Test
    void aThirdPartySoftAssignmentSavesAndLoads(@TempDir Path dir) throws Exception {
        SoftAssignment gaussian = SoftAssignment.of("test-gaussian", Map.of("sigma", 0.7));
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = network(m);
            ClusterModel model = new ClusterModel(net, new CentroidHead(net.manager(), CENTRES, gaussian), null, null);
            float[][] before = model.predictProba(data);
            save(model, dir.resolve("model"));
            try (ClusterModel loaded = ClusterModel.load(dir.resolve("model"))) {
                assertThat(((CentroidHead) loaded.head()).assignment()).isEqualTo(gaussian);
                assertThat(loaded.predictProba(data)).isDeepEqualTo(before);
            }
            new LatentModel("test", net, CENTRES, gaussian).save(dir.resolve("latent"));
            try (LatentModel loaded = LatentModel.load(dir.resolve("latent"), m)) {
                assertThat(loaded.assignment()).isEqualTo(gaussian);
            }
        }
    }

    @Test
    void modelsOfFormatOneStillLoad(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = network(m);
            ClusterModel model = new ClusterModel(net, new CentroidHead(net.manager(), CENTRES, SoftAssignment.fuzzy(1.7)), null, null);
            float[][] before = model.predictProba(data);
            save(model, dir.resolve("model"));
            // what format 1 wrote: the assignment's one parameter without its name (values other than the defaults)
            rewrite(dir.resolve("model/manifest.json"), manifest -> {
                manifest.put("formatVersion", 1);
                @SuppressWarnings("unchecked")
                Map<String, Object> head = (Map<String, Object>) manifest.get("head");
                head.put("assignment", Map.of("kind", "fuzzy", "parameter", 1.7));
                return manifest;
            });
            try (ClusterModel loaded = ClusterModel.load(dir.resolve("model"))) {
                assertThat(((CentroidHead) loaded.head()).assignment()).isEqualTo(SoftAssignment.fuzzy(1.7));
                assertThat(loaded.predictProba(data)).isDeepEqualTo(before);
            }
            new LatentModel("ae", net, CENTRES, SoftAssignment.studentT(2)).save(dir.resolve("latent"));
            rewrite(dir.resolve("latent/latent.json"), latent -> {
                latent.put("formatVersion", 1);
                latent.put("assignment", Map.of("kind", "student-t", "parameter", 2.0));
                return latent;
            });
            try (LatentModel loaded = LatentModel.load(dir.resolve("latent"), m)) {
                assertThat(loaded.assignment()).isEqualTo(SoftAssignment.studentT(2));
            }
        }
    }

    @Test
    void aNewerFormatAndAnUnknownHeadAreRefused(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderNetwork net = network(m);
            save(new ClusterModel(net, new CentroidHead(net.manager(), CENTRES, SoftAssignment.nearest()), null, null), dir);
            rewrite(dir.resolve("manifest.json"), manifest -> {
                manifest.put("formatVersion", 3);
                return manifest;
            });
            assertThatThrownBy(() -> ClusterModel.load(dir)).isInstanceOf(DclustException.class)
                    .hasMessage(dir + " holds model format 3; this dclust reads formats 1 to 2: load it with the dclust that saved it");
            rewrite(dir.resolve("manifest.json"), manifest -> {
                manifest.put("formatVersion", 2);
                @SuppressWarnings("unchecked")
                Map<String, Object> head = (Map<String, Object>) manifest.get("head");
                head.put("kind", "proximity");
                return manifest;
            });
            assertThatThrownBy(() -> ClusterModel.load(dir)).isInstanceOf(DclustException.class)
                    .hasMessageContaining("its head is of kind 'proximity', which no plugin on the class path loads")
                    .hasMessageContaining("known heads: centroid, mlp, test-temperature");
        }
    }

    private static void save(ClusterModel model, Path dir) {
        try {
            model.save(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void rewrite(Path json, UnaryOperator<Map<String, Object>> change) throws Exception {
        ObjectMapper om = new ObjectMapper();
        Map<String, Object> m = om.readValue(json.toFile(), new TypeReference<Map<String, Object>>() { });
        om.writeValue(json.toFile(), change.apply(m));
    }
}
