package org.dclust.api.toolkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the code that trains, for the cache keys: the compiled classes (their bytes) of the
 * package of each given class and of its subpackages, read from where that class was loaded (a jar
 * or a classes directory). A cached result is reused only by the same code, so an upgrade, or a
 * rebuild with a changed learner, never reuses a stale autoencoder; code elsewhere (the command line,
 * the reports, data readers, refiners, another learner's package) does not change it.
 *
 * <p>Why the class bytes and not a "training code version" constant per plugin: a constant has to
 * be bumped by hand and is forgotten exactly when it matters, and a third-party plugin gets the
 * protection without doing anything. The bytes change with every change of the code, also with one
 * that only moves lines (a comment shifts the line-number table): such a change retrains once, which
 * costs time, never a wrong result.
 */
public final class TrainingCode {
    /** Hashes already computed, by location and package. */
    private static final Map<String, byte[]> DONE = new ConcurrentHashMap<>();

    private TrainingCode() {
    }

    /**
     * The first 24 hexadecimal digits of the SHA-256 over the classes of each class's package and
     * subpackages (class names and bytes, in name order), the packages in the order given.
     */
    public static String hash(Class<?>... anchors) {
        MessageDigest all = sha256();
        for (Class<?> c : anchors) {
            all.update(c.getPackageName().getBytes(StandardCharsets.UTF_8));
            all.update(packageHash(c));
        }
        return HexFormat.of().formatHex(all.digest()).substring(0, 24);
    }

    private static byte[] packageHash(Class<?> anchor) {
        String prefix = anchor.getPackageName().replace('.', '/') + "/";
        Path location = location(anchor);
        String key = location + "!" + prefix;
        return DONE.computeIfAbsent(key, k -> {
            try {
                return location == null ? classBytesHash(anchor) : hash(location, prefix);
            } catch (IOException e) {
                return classBytesHash(anchor);
            }
        });
    }

    /**
     * The SHA-256 over every {@code .class} file under {@code prefix} (a package path ending in '/')
     * in a classes directory or a jar: each file's name, length and bytes, in name order.
     */
    static byte[] hash(Path location, String prefix) throws IOException {
        TreeMap<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(location)) {
            Path dir = location.resolve(prefix);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                        classes.put(location.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        MessageDigest sha = sha256();
        classes.forEach((name, bytes) -> {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update(bytes);
        });
        return sha.digest();
    }

    /** The jar or directory the class was loaded from, or null when that is not a local file. */
    private static Path location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        try {
            return url == null || !"file".equals(url.getProtocol()) ? null : Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The class's own bytes, when its package cannot be listed (a class path that is not a local jar or directory). */
    private static byte[] classBytesHash(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return sha256().digest(in == null ? c.getName().getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
        } catch (IOException e) {
            return sha256().digest(c.getName().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
