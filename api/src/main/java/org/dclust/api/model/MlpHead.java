package org.dclust.api.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A soft-max network on the latent space: d → hidden (BatchNorm, ReLU) → ... → K → soft-max. DCSS's
 * MNet is {@code hidden = [128, 128]} (section 3.2). Its own manager holds its parameters.
 */
public final class MlpHead implements ClusterHead {
    static final String FILE = "head.params";
    private final int inputDim;
    private final int[] hidden;
    private final int clusters;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;

    /** Builds and initialises the network (weights from the engine's random state). */
    public MlpHead(NDManager parent, int inputDim, int[] hidden, int clusters) {
        this.inputDim = inputDim;
        this.hidden = hidden.clone();
        this.clusters = clusters;
        this.manager = parent.newSubManager();
        SequentialBlock b = new SequentialBlock();
        for (int h : hidden) {
            b.add(Linear.builder().setUnits(h).build());
            b.add(BatchNorm.builder().build());
            b.add(Activation::relu);
        }
        b.add(Linear.builder().setUnits(clusters).build());
        b.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                Parameter.Type.WEIGHT);
        b.initialize(manager, DataType.FLOAT32, new Shape(2, inputDim));
        this.block = b;
        this.store = new ParameterStore(manager, false);
    }

    /** Rebuilds a head from its manifest entry ({@link #describe()}) and the parameters {@link #save} wrote. */
    static MlpHead fromDescription(NDManager parent, Map<String, Object> d, Path dir) throws IOException {
        int in = ((Number) d.get("inputDim")).intValue();
        @SuppressWarnings("unchecked")
        List<Number> h = (List<Number>) d.get("hidden");
        int k = ((Number) d.get("clusters")).intValue();
        MlpHead head = new MlpHead(parent, in, h.stream().mapToInt(Number::intValue).toArray(), k);
        try (InputStream is = Files.newInputStream(dir.resolve(FILE)); DataInputStream di = new DataInputStream(is)) {
            head.block.loadParameters(head.manager, di);
        } catch (MalformedModelException e) {
            throw new IOException("malformed " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
        return head;
    }

    /** The logits (b, K) before the soft-max. */
    public NDArray logits(NDArray latent, boolean training) {
        return block.forward(store, new NDList(latent), training).singletonOrThrow();
    }

    @Override
    public NDArray probabilities(NDArray latent, boolean training) {
        return logits(latent, training).softmax(1);
    }

    /** The network itself (its BatchNorm layers, for {@link org.dclust.api.toolkit.PreciseBatchNorm}); its parameters belong to this head's manager. */
    public Block block() {
        return block;
    }

    /** Every array of the network by DJL's name, BatchNorm running statistics included: what a checkpoint holds of it. */
    public Map<String, NDArray> state() {
        return EncoderNetwork.named("", block);
    }

    /** The trainable parameters. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getValue());
        }
        return out;
    }

    @Override
    public int clusters() {
        return clusters;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", MlpHeadProvider.NAME);
        d.put("inputDim", inputDim);
        d.put("hidden", hidden);
        d.put("clusters", clusters);
        return d;
    }

    @Override
    public void save(Path dir) throws IOException {
        try (OutputStream os = Files.newOutputStream(dir.resolve(FILE)); DataOutputStream out = new DataOutputStream(os)) {
            block.saveParameters(out);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
