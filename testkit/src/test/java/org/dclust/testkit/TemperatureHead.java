package org.dclust.testkit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.model.ClusterHead;
import org.dclust.api.spi.HeadProvider;
import org.dclust.api.toolkit.Distances;

/**
 * A third party's cluster head for the tests: soft-max of −‖z − c_k‖²/T over centres kept in a file of
 * its own ({@code temperature-centres.ndlist}), the temperature in the manifest.
 */
final class TemperatureHead implements ClusterHead {
    static final String KIND = "test-temperature";
    private static final String FILE = "temperature-centres.ndlist";
    private final NDManager manager;
    private final NDArray centres;
    private final double temperature;

    /** @param manager owns {@code centres} and is closed with the head */
    private TemperatureHead(NDManager manager, NDArray centres, double temperature) {
        this.manager = manager;
        this.centres = centres;
        this.temperature = temperature;
    }

    /** A head over the given centres (K × d), its arrays in a sub-manager of {@code parent}. */
    static TemperatureHead of(NDManager parent, float[][] centres, double temperature) {
        NDManager m = parent.newSubManager();
        return new TemperatureHead(m, m.create(centres), temperature);
    }

    @Override
    public NDArray probabilities(NDArray latent, boolean training) {
        NDArray c = centres.duplicate();
        c.attach(latent.getManager());
        return Distances.squared(latent, c).mul((float) (-1 / temperature)).softmax(1);
    }

    @Override
    public int clusters() {
        return (int) centres.getShape().get(0);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", KIND);
        d.put("temperature", temperature);
        return d;
    }

    @Override
    public void save(Path dir) throws IOException {
        Files.write(dir.resolve(FILE), new NDList(centres).encode());
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Loads the head by its kind. */
    public static final class Provider implements HeadProvider {
        @Override
        public String name() {
            return KIND;
        }

        @Override
        public String title() {
            return "soft-max of negative squared distances over a temperature (tests)";
        }

        @Override
        public ClusterHead load(Map<String, Object> description, Path dir, NDManager parent) throws IOException {
            NDManager m = parent.newSubManager();
            NDArray c = NDList.decode(m, Files.readAllBytes(dir.resolve(FILE))).singletonOrThrow();
            return new TemperatureHead(m, c, ((Number) description.get("temperature")).doubleValue());
        }
    }
}
