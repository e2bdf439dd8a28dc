package org.dclust.api.train;

import ai.djl.engine.Engine;

/**
 * libtorch's intra-op thread count, which changes the order of floating-point sums (a matrix product
 * split over two threads adds its partial sums in another order than one thread does), so it can
 * change a trained result in its last bits and, through them, a label. Every run records it and the
 * cache keys hold it. dclust builds against DJL's engine-neutral api, so the PyTorch engine's
 * {@code JniUtils.getNumThreads()} is reached by name.
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    /**
     * The engine's current intra-op thread count when the engine is PyTorch; otherwise the
     * {@code ai.djl.pytorch.num_threads} property when set; otherwise -1 (unknown).
     */
    public static int intraOp() {
        try {
            if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
                Object n = Class.forName("ai.djl.pytorch.jni.JniUtils").getMethod("getNumThreads").invoke(null);
                return ((Number) n).intValue();
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // an engine without this call: fall back to the setting
        }
        try {
            String p = System.getProperty("ai.djl.pytorch.num_threads");
            return p == null ? -1 : Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
