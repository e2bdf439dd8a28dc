package org.dclust.framework.run;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dclust.api.DclustVersion;
import org.dclust.api.train.MklVendorCheck;
import org.dclust.api.train.OneDnnIsa;

/**
 * The versions a result records: dclust, DJL, the engine (PyTorch), Java, and whether MKL's vendor
 * check was answered ({@link MklVendorCheck}; it picks other matrix-product kernels) and oneDNN's
 * instruction-set cap ({@link OneDnnIsa}).
 */
public final class Versions {
    private Versions() {
    }

    /** dclust's own version, from the build ({@link DclustVersion}). */
    public static String dclust() {
        return DclustVersion.get();
    }

    /** All versions, for provenance. */
    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("dclust", dclust());
        v.put("djl", Engine.getDjlVersion());
        v.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        v.put("java", System.getProperty("java.version"));
        v.put("mkl", MklVendorCheck.describe());
        v.put("onednn", OneDnnIsa.describe());
        return v;
    }
}
