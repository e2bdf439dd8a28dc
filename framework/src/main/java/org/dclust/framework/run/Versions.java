package org.dclust.framework.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions a result records: dclust, DJL, the engine (PyTorch) and Java. */
public final class Versions {
    private Versions() {
    }

    /** dclust's own version, from the build. */
    public static String dclust() {
        try (InputStream in = Versions.class.getResourceAsStream("/org/dclust/framework/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** All versions, for provenance. */
    public static Map<String, String> all() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("dclust", dclust());
        v.put("djl", Engine.getDjlVersion());
        v.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}
