package org.dclust.api.toolkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustVersion;
import org.dclust.api.train.EngineThreads;
import org.dclust.api.train.MklVendorCheck;
import org.dclust.api.train.OneDnnIsa;

/**
 * The name of a cache entry: the first 24 hexadecimal digits of the SHA-256 of an identity's JSON
 * (Jackson's compact form, keys in the map's order). The identity holds everything that determines
 * the cached result (data fingerprint, plugins and their parameters, seed, device), so equal work
 * finds the same entry and any difference finds another. The shared pretraining and the framework's
 * phase-1 cache both name their entries so, and both add {@link #codeIdentity}: the dclust version,
 * the code that trains and the thread count.
 */
public final class CacheKey {
    private CacheKey() {
    }

    /**
     * What every cache identity holds besides the work itself, so that a cached result is exactly what
     * this run would compute:
     * <ul>
     *   <li>{@code dclust}: the version ({@link DclustVersion}), so an upgrade never reuses an entry;</li>
     *   <li>{@code code}: {@link TrainingCode#hash} of the api (the toolkit that trains: pretraining,
     *       epoch loop, optimizers, k-means, batching) and of the packages of {@code pluginCode} (the
     *       backbone's, and for a phase-1 result the learner's), so a rebuild with changed training code
     *       does not either, while a change elsewhere keeps the entries;</li>
     *   <li>{@code threads}: libtorch's intra-op thread count ({@link EngineThreads}). It changes the
     *       order of floating-point sums and so, in the last bits, the trained weights; with it in the
     *       key the labels of a run depend on its seed, data, device and threads only, never on what
     *       the cache happened to hold. The price: a run with another thread count trains again.</li>
     *   <li>{@code mkl}, only when MKL's vendor check is answered ({@link MklVendorCheck}): its fast
     *       kernels round differently from its generic path, for the same reason;</li>
     *   <li>{@code onednn}, only when oneDNN's instruction set is capped ({@link OneDnnIsa}), likewise.</li>
     * </ul>
     */
    public static Map<String, Object> codeIdentity(Class<?>... pluginCode) {
        Class<?>[] code = new Class<?>[pluginCode.length + 1];
        code[0] = DclustVersion.class;
        System.arraycopy(pluginCode, 0, code, 1, pluginCode.length);
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("dclust", DclustVersion.get());
        id.put("code", TrainingCode.hash(code));
        id.put("threads", EngineThreads.intraOp());
        if (MklVendorCheck.answered()) {
            id.put("mkl", MklVendorCheck.describe());
        }
        OneDnnIsa.cap().ifPresent(cap -> id.put("onednn", cap));
        return id;
    }

    /** The key of {@code identity}; use ordered maps (LinkedHashMap, TreeMap) so that the JSON is stable. */
    public static String of(Map<String, Object> identity) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(identity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 24);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a cache identity: " + e.getMessage(), e);
        }
    }
}
