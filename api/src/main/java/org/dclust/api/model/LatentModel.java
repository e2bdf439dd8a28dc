package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustException;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.Atomic;

/**
 * The result of phase 1: a trainable {@link EncoderNetwork} (its decoder where the learner kept one), K
 * centres in latent space and the learner's own soft assignment to them. Owns the network's native
 * memory. Saves to and loads from a directory, so a study trains phase 1 once and reuses it for
 * every refiner.
 */
public final class LatentModel implements AutoCloseable {
    /** The on-disk format {@link #save} writes: 2 names the soft assignment's parameters; format 1 still loads. */
    public static final int FORMAT_VERSION = 2;
    private final String learner;
    private final EncoderNetwork network;
    private final float[][] centres;
    private final SoftAssignment assignment;

    public LatentModel(String learner, EncoderNetwork network, float[][] centres, SoftAssignment assignment) {
        this.learner = learner;
        this.network = network;
        this.centres = centres;
        this.assignment = assignment;
    }

    /** The learner's name. */
    public String learner() {
        return learner;
    }

    public EncoderNetwork network() {
        return network;
    }

    /** K × d centres (a copy may be taken; do not modify). */
    public float[][] centres() {
        return centres;
    }

    public int clusters() {
        return centres.length;
    }

    public SoftAssignment assignment() {
        return assignment;
    }

    /** The centres as a (K, d) tensor in {@code manager}. */
    public NDArray centres(NDManager manager) {
        return manager.create(centres);
    }

    /** Saves the network (encoder and decoder), centres and assignment into {@code dir}, atomically. */
    public void save(Path dir) throws IOException {
        Atomic.writeDirectory(dir, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp.resolve("encoder.params")); DataOutputStream out = new DataOutputStream(os)) {
                network.saveEncoder(out);
            }
            if (network.hasDecoder()) {
                try (OutputStream os = Files.newOutputStream(tmp.resolve("decoder.params")); DataOutputStream out = new DataOutputStream(os)) {
                    network.saveDecoder(out);
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", "dclust-latent-model");
            m.put("formatVersion", FORMAT_VERSION);
            m.put("learner", learner);
            m.put("backbone", Map.of("name", network.backbone().name(), "params", network.backbone().params().asMap()));
            m.put("inputShape", network.inputShape());
            m.put("centres", centres);
            m.put("assignment", assignment.describe());
            new ObjectMapper().writeValue(tmp.resolve("latent.json").toFile(), m);
        });
    }

    /** Loads a latent model saved by {@link #save}; its network lives in a sub-manager of {@code parent}. */
    @SuppressWarnings("unchecked")
    public static LatentModel load(Path dir, NDManager parent) {
        ObjectMapper om = new ObjectMapper();
        try {
            Map<String, Object> m = om.readValue(dir.resolve("latent.json").toFile(), new TypeReference<Map<String, Object>>() { });
            int version = m.get("formatVersion") instanceof Number v ? v.intValue() : 0;
            if (!"dclust-latent-model".equals(m.get("format")) || version < 1 || version > FORMAT_VERSION) {
                throw new DclustException(dir + " does not hold a latent model of format 1 to " + FORMAT_VERSION);
            }
            Map<String, Object> bb = (Map<String, Object>) m.get("backbone");
            BackboneProvider provider = Plugins.find(BackboneProvider.class, (String) bb.get("name"));
            Backbone backbone = provider.create(Params.resolve(provider.name(), provider.parameters(), (Map<String, Object>) bb.get("params")));
            SoftAssignment assignment = SoftAssignment.fromDescription((Map<String, Object>) m.get("assignment"));
            NDManager manager = parent.newSubManager();
            EncoderNetwork net = backbone.build(manager, om.convertValue(m.get("inputShape"), int[].class));
            try (InputStream is = Files.newInputStream(dir.resolve("encoder.params"))) {
                net.loadEncoder(new DataInputStream(is));
            }
            if (Files.exists(dir.resolve("decoder.params"))) {
                try (InputStream is = Files.newInputStream(dir.resolve("decoder.params"))) {
                    net.loadDecoder(new DataInputStream(is));
                }
            }
            return new LatentModel((String) m.get("learner"), net, om.convertValue(m.get("centres"), float[][].class), assignment);
        } catch (IOException e) {
            throw new DclustException("cannot load the latent model in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
