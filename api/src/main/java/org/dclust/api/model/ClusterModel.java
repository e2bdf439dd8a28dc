package org.dclust.api.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.dclust.api.UnknownPluginException;
import org.dclust.api.data.Dataset;
import org.dclust.api.data.Preprocessing;
import org.dclust.api.param.Params;
import org.dclust.api.spi.BackboneProvider;
import org.dclust.api.spi.HeadProvider;
import org.dclust.api.spi.Plugins;
import org.dclust.api.toolkit.Atomic;

/**
 * A trained clustering: the fitted input preprocessing, the encoder, and a {@link ClusterHead}. It
 * gives probabilities over K, assignments (argmax) and latent codes for any input, in batches, and
 * saves to and loads from a directory (a JSON manifest with a format version, plus parameter files).
 */
public final class ClusterModel implements AutoCloseable {
    /**
     * The version of the on-disk format written by {@link #save}: 2 names the head's soft assignment's
     * parameters ({@link SoftAssignment#describe()}); format 1 (one unnamed parameter) still loads.
     */
    public static final int FORMAT_VERSION = 2;
    private static final String MANIFEST = "manifest.json";
    private static final String ENCODER = "encoder.params";
    private static final int BATCH = 1000;

    private final EncoderNetwork network;
    private final ClusterHead head;
    private final Preprocessing preprocessing;
    private final Map<String, Object> provenance;

    public ClusterModel(EncoderNetwork network, ClusterHead head, Preprocessing preprocessing, Map<String, Object> provenance) {
        this.network = network;
        this.head = head;
        this.preprocessing = preprocessing == null ? Preprocessing.none() : preprocessing;
        this.provenance = provenance == null ? Map.of() : provenance;
    }

    /** The same model with the given preprocessing and provenance (shares the network and head). */
    public ClusterModel with(Preprocessing newPreprocessing, Map<String, Object> newProvenance) {
        return new ClusterModel(network, head, newPreprocessing, newProvenance);
    }

    public int clusters() {
        return head.clusters();
    }

    public int latentDim() {
        return network.latentDim();
    }

    public EncoderNetwork network() {
        return network;
    }

    public ClusterHead head() {
        return head;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** What the training run recorded (configuration and versions); empty when not given. */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** Probabilities over K for each raw sample (rows of {@code featureSize} values). */
    public float[][] predictProba(float[][] samples) {
        return toRows(infer(flatten(samples), samples.length, true), clusters());
    }

    /** Cluster id (argmax probability) for each raw sample. */
    public int[] predict(float[][] samples) {
        return argmax(predictProba(samples));
    }

    /** Latent code for each raw sample. */
    public float[][] transform(float[][] samples) {
        return toRows(infer(flatten(samples), samples.length, false), latentDim());
    }

    /** Probabilities for every sample of a raw (not yet preprocessed) data set. */
    public float[][] predictProba(Dataset data) {
        checkShape(data.featureSize());
        return toRows(infer(data.values(), data.size(), true), clusters());
    }

    /** Cluster ids for every sample of a raw data set. */
    public int[] predict(Dataset data) {
        return argmax(predictProba(data));
    }

    /** Latent codes for every sample of a raw data set. */
    public float[][] transform(Dataset data) {
        checkShape(data.featureSize());
        return toRows(infer(data.values(), data.size(), false), latentDim());
    }

    private float[] flatten(float[][] samples) {
        int f = featureSize();
        float[] flat = new float[samples.length * f];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != f) {
                throw new DclustException("sample " + i + " has " + samples[i].length + " values; the model takes " + f);
            }
            System.arraycopy(samples[i], 0, flat, i * f, f);
        }
        return flat;
    }

    private void checkShape(int featureSize) {
        if (featureSize != featureSize()) {
            throw new DclustException("the data has " + featureSize + " values per sample; the model was trained on " + featureSize());
        }
    }

    private int featureSize() {
        int f = 1;
        for (int s : network.inputShape()) {
            f *= s;
        }
        return f;
    }

    private float[] infer(float[] raw, int n, boolean probabilities) {
        float[] x = preprocessing.apply(raw, featureSize());
        int f = featureSize();
        int width = probabilities ? clusters() : latentDim();
        float[] out = new float[n * width];
        long[] dims = new long[network.inputShape().length + 1];
        for (int i = 0; i < network.inputShape().length; i++) {
            dims[i + 1] = network.inputShape()[i];
        }
        for (int start = 0; start < n; start += BATCH) {
            int end = Math.min(n, start + BATCH);
            try (NDManager scope = network.manager().newSubManager()) {
                dims[0] = end - start;
                float[] chunk = java.util.Arrays.copyOfRange(x, start * f, end * f);
                NDArray batch = scope.create(chunk, new ai.djl.ndarray.types.Shape(dims));
                NDArray z = network.encode(batch, false);
                NDArray r = probabilities ? head.probabilities(z, false) : z;
                System.arraycopy(r.toFloatArray(), 0, out, start * width, (end - start) * width);
            }
        }
        return out;
    }

    private static float[][] toRows(float[] flat, int width) {
        float[][] rows = new float[flat.length / width][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return rows;
    }

    /** Index of the largest value in each row (the first on ties). */
    public static int[] argmax(float[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int k = 1; k < p[i].length; k++) {
                if (p[i][k] > p[i][best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Saves into {@code dir} (created; replaced if it exists). Written to a temporary sibling first
     * and renamed, so an interrupted save never leaves a half-written model.
     */
    public void save(Path dir) throws IOException {
        Atomic.writeDirectory(dir, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp.resolve(ENCODER)); DataOutputStream out = new DataOutputStream(os)) {
                network.saveEncoder(out);
            }
            head.save(tmp);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("format", "dclust-cluster-model");
            m.put("formatVersion", FORMAT_VERSION);
            Map<String, Object> bb = new LinkedHashMap<>();
            bb.put("name", network.backbone().name());
            bb.put("params", network.backbone().params().asMap());
            m.put("backbone", bb);
            m.put("inputShape", network.inputShape());
            m.put("latentDim", network.latentDim());
            m.put("preprocessing", preprocessing);
            m.put("head", head.describe());
            m.put("provenance", provenance);
            mapper().writeValue(tmp.resolve(MANIFEST).toFile(), m);
        });
    }

    /** Loads a model saved by {@link #save} onto the default device. */
    public static ClusterModel load(Path dir) {
        return load(dir, ai.djl.engine.Engine.getInstance().defaultDevice());
    }

    /**
     * Loads a model saved by {@link #save}. The backbone is rebuilt by name, so its plugin must be on
     * the class path.
     *
     * @throws DclustException when the directory is missing, not a dclust model, of a newer format
     *     version, or needs a plugin (backbone, head, soft assignment) that is not on the class path
     */
    public static ClusterModel load(Path dir, Device device) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new DclustException("no saved model in " + dir + ": " + MANIFEST + " is missing (give the model/ directory of a run)");
        }
        Map<String, Object> m;
        try {
            m = mapper().readValue(manifest.toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new DclustException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        Object version = m.get("formatVersion");
        if (!"dclust-cluster-model".equals(m.get("format")) || !(version instanceof Number)) {
            throw new DclustException(manifest + " is not a dclust cluster model manifest");
        }
        if (((Number) version).intValue() < 1 || ((Number) version).intValue() > FORMAT_VERSION) {
            throw new DclustException(dir + " holds model format " + version + "; this dclust reads formats 1 to " + FORMAT_VERSION
                    + ": load it with the dclust that saved it");
        }
        ObjectMapper om = mapper();
        @SuppressWarnings("unchecked")
        Map<String, Object> bb = (Map<String, Object>) m.get("backbone");
        BackboneProvider provider = Plugins.find(BackboneProvider.class, (String) bb.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> bbParams = (Map<String, Object>) bb.get("params");
        Backbone backbone = provider.create(Params.resolve(provider.name(), provider.parameters(), bbParams));
        int[] inputShape = om.convertValue(m.get("inputShape"), int[].class);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            EncoderNetwork net = backbone.build(manager, inputShape);
            try (InputStream is = Files.newInputStream(dir.resolve(ENCODER)); DataInputStream in = new DataInputStream(is)) {
                net.loadEncoder(in);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> h = (Map<String, Object>) m.get("head");
            ClusterHead head = headProvider(h.get("kind"), dir).load(h, dir, manager);
            Preprocessing pre = om.convertValue(m.get("preprocessing"), Preprocessing.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> prov = (Map<String, Object>) m.getOrDefault("provenance", Map.of());
            return new ClusterModel(net, head, pre, prov);
        } catch (IOException e) {
            manager.close();
            throw new DclustException("cannot load the model in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The provider that loads heads of this kind, or one message saying which plugin is missing. */
    private static HeadProvider headProvider(Object kind, Path dir) {
        try {
            return Plugins.find(HeadProvider.class, String.valueOf(kind));
        } catch (UnknownPluginException e) {
            throw new DclustException("cannot load the model in " + dir + ": its head is of kind '" + kind
                    + "', which no plugin on the class path loads (" + e.getMessage() + "); add the plugin of the refiner that saved it", e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Closes the head and the network's native memory. */
    @Override
    public void close() {
        head.close();
        network.close();
    }
}
