package org.dclust.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** dclust's version, as the build wrote it (the Maven project version); "unknown" when it cannot be read. */
public final class DclustVersion {
    private static final String VERSION = read();

    private DclustVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = DclustVersion.class.getResourceAsStream("/org/dclust/api/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
