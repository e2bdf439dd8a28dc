package org.dclust.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable encoder and, optionally, its decoder, with their parameters in one manager. Learners
 * train it, refiners fine-tune its encoder, and a {@link ClusterModel} keeps the encoder. An
 * autoencoder has both blocks; a contrastive backbone builds an encoder-only network
 * ({@link #hasDecoder()} false), which a learner that reconstructs cannot train.
 *
 * <p>Was called {@code AutoEncoder} until the encoder-only networks came: no saved file names the
 * class (a saved model records its backbone's name and parameters and rebuilds the network through
 * {@link Backbone#build}), so models saved before the rename load unchanged.
 *
 * <p>Forward passes take the BatchNorm mode explicitly: {@code training = true} updates running
 * statistics, so passes that only compute memberships, centres or predictions use {@code false}.
 */
public final class EncoderNetwork implements AutoCloseable {
    private final Backbone backbone;
    private final Block encoder;
    private final Block decoder;
    private final NDManager manager;
    private final ParameterStore store;
    private final int[] inputShape;
    private final int latentDim;

    /**
     * Initialises both blocks in {@code manager} (weights from the engine's random state). The latent
     * size is the encoder's output width for this input shape.
     *
     * @param encoder maps (b, inputShape...) to latent codes (b, d)
     * @param decoder maps (b, d) to (b, inputShape...) or (b, prod(inputShape)); null for an
     *     encoder-only network, whose backbone says so in {@link Backbone#buildsDecoder()}
     * @throws IllegalArgumentException when the encoder's output is not (b, d)
     */
    public EncoderNetwork(Backbone backbone, Block encoder, Block decoder, NDManager manager, int[] inputShape) {
        this.backbone = backbone;
        this.encoder = encoder;
        this.decoder = decoder;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        this.inputShape = inputShape.clone();
        long[] dims = new long[inputShape.length + 1];
        dims[0] = 2;
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        Shape in = new Shape(dims);
        encoder.initialize(manager, DataType.FLOAT32, in);
        Shape out = encoder.getOutputShapes(new Shape[] {in})[0];
        if (out.dimension() != 2) {
            throw new IllegalArgumentException("the encoder of backbone " + backbone.name() + " gives " + out + " for " + in
                    + ", not (batch, latent size)");
        }
        this.latentDim = (int) out.get(1);
        if (decoder != null) {
            decoder.initialize(manager, DataType.FLOAT32, new Shape(2, latentDim));
        }
    }

    /** An encoder-only network: {@link #EncoderNetwork} without a decoder. */
    public static EncoderNetwork encoderOnly(Backbone backbone, Block encoder, NDManager manager, int[] inputShape) {
        return new EncoderNetwork(backbone, encoder, null, manager, inputShape);
    }

    public Backbone backbone() {
        return backbone;
    }

    /** The latent size d: the width of the encoder's output for this network's input shape. */
    public int latentDim() {
        return latentDim;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    public NDManager manager() {
        return manager;
    }

    /** Whether this network has a decoder ({@link #decode} throws without one). */
    public boolean hasDecoder() {
        return decoder != null;
    }

    /** Latent codes (b, d) for a batch (b, inputShape...). */
    public NDArray encode(NDArray x, boolean training) {
        return encoder.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** Reconstructions with the input's shape for latent codes (b, d). */
    public NDArray decode(NDArray z, boolean training) {
        if (decoder == null) {
            throw new IllegalStateException("this network has no decoder");
        }
        NDArray out = decoder.forward(store, new NDList(z), training).singletonOrThrow();
        long[] dims = new long[inputShape.length + 1];
        dims[0] = z.getShape().get(0);
        for (int i = 0; i < inputShape.length; i++) {
            dims[i + 1] = inputShape[i];
        }
        Shape want = new Shape(dims);
        return out.getShape().equals(want) ? out : out.reshape(want);
    }

    /**
     * The encoder block itself, for a network that builds on it (a projection head and a
     * normalisation after it, as a contrastive learner's encoder); its parameters belong to this
     * network's manager.
     */
    public Block encoderBlock() {
        return encoder;
    }

    /** The encoder's trainable parameters. */
    public List<Parameter> encoderParameters() {
        return params(encoder);
    }

    /** The decoder's trainable parameters (empty without a decoder). */
    public List<Parameter> decoderParameters() {
        return decoder == null ? List.of() : params(decoder);
    }

    /** Encoder then decoder parameters. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(encoderParameters());
        all.addAll(decoderParameters());
        return all;
    }

    private static List<Parameter> params(Block b) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            out.add(p.getValue());
        }
        return out;
    }

    /**
     * Every parameter array, trainable or not (BatchNorm running statistics too), by name:
     * {@code encoder.NAME} and {@code decoder.NAME}, NAME being DJL's parameter path in the block
     * (e.g. {@code 01Linear_weight}). What a checkpoint holds of the network.
     */
    public Map<String, NDArray> state() {
        Map<String, NDArray> out = new LinkedHashMap<>(encoderState());
        if (decoder != null) {
            out.putAll(named("decoder.", decoder));
        }
        return out;
    }

    /** The encoder's arrays by name, as in {@link #state()}: what a phase that trains only the encoder checkpoints. */
    public Map<String, NDArray> encoderState() {
        return named("encoder.", encoder);
    }

    /** A block's parameter arrays under their DJL names, with a prefix. */
    public static Map<String, NDArray> named(String prefix, Block b) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : b.getParameters()) {
            out.put(prefix + p.getKey(), p.getValue().getArray());
        }
        return out;
    }

    /** Writes the encoder's parameters. */
    public void saveEncoder(DataOutputStream out) throws IOException {
        encoder.saveParameters(out);
    }

    /** Writes the decoder's parameters. */
    public void saveDecoder(DataOutputStream out) throws IOException {
        decoder.saveParameters(out);
    }

    /** Reads parameters written by {@link #saveEncoder}. */
    public void loadEncoder(DataInputStream in) throws IOException {
        try {
            encoder.loadParameters(manager, in);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("malformed encoder parameters: " + e.getMessage(), e);
        }
        requireGradients(encoder);
    }

    /** Reads parameters written by {@link #saveDecoder}. */
    public void loadDecoder(DataInputStream in) throws IOException {
        try {
            decoder.loadParameters(manager, in);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("malformed decoder parameters: " + e.getMessage(), e);
        }
        requireGradients(decoder);
    }

    /**
     * DJL's {@code Parameter.load} replaces each array by a decoded one that does not require a
     * gradient; trainable parameters get it back here, so a loaded network (the pretraining cache, a
     * saved model to fine-tune) trains like a freshly built one.
     */
    private static void requireGradients(Block b) {
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /** Closes the manager that owns the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
