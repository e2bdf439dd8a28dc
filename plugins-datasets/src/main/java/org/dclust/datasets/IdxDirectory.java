package org.dclust.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dclust.api.DclustException;

/**
 * The IDX image/label files in one directory, grouped by name prefix: {@code train-images-idx3-ubyte.gz}
 * and {@code train-labels-idx1-ubyte.gz} are the pair {@code train}. Separators may be '-', '.' or
 * '_' ({@code train-images.idx3-ubyte} as some MNIST copies spell it), case is ignored, and each
 * file may be gzip-compressed or not.
 */
final class IdxDirectory {
    private static final Pattern NAME = Pattern.compile(
            "(.*?)[-._]?(images[-._]idx3|labels[-._]idx1)[-._]ubyte(\\.gz)?", Pattern.CASE_INSENSITIVE);

    /** The files of one prefix; {@code images} or {@code labels} is null when that file is absent. */
    record Group(String prefix, Path images, Path labels) {
        boolean complete() {
            return images != null && labels != null;
        }
    }

    private IdxDirectory() {
    }

    /**
     * Every prefix with its files, sorted by prefix.
     *
     * @throws DclustException when {@code dir} is not a readable directory, or holds two files for one
     *     role (say raw and gzip copies of the same images)
     */
    static Map<String, Group> scan(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DclustException(dir + ": " + (Files.exists(dir) ? "is not a directory" : "no such directory"));
        }
        Map<String, Group> groups = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DclustException(dir + ": cannot list it: " + e.getMessage(), e);
        }
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            String prefix = m.group(1).toLowerCase(Locale.ROOT);
            boolean images = m.group(2).toLowerCase(Locale.ROOT).startsWith("images");
            Group g = groups.getOrDefault(prefix, new Group(prefix, null, null));
            Path taken = images ? g.images() : g.labels();
            if (taken != null) {
                throw new DclustException(dir + ": holds both " + taken.getFileName() + " and " + f.getFileName()
                        + " for the same " + (images ? "images" : "labels") + "; keep one of them");
            }
            groups.put(prefix, images ? new Group(prefix, f, g.labels()) : new Group(prefix, g.images(), f));
        }
        return groups;
    }

    /**
     * The pairs to read from {@code dir}: its only pair, or its {@code train} pair followed by its
     * {@code t10k} (or {@code test}) pair.
     *
     * @throws DclustException when a file lacks its partner, no pair is found, or the pairs are not
     *     one of those two layouts
     */
    static List<Group> select(Path dir) {
        Map<String, Group> groups = scan(dir);
        for (Group g : groups.values()) {
            if (!g.complete()) {
                Path has = g.images() != null ? g.images() : g.labels();
                String stem = g.prefix().isEmpty() ? "" : g.prefix() + "-";
                throw new DclustException(dir + ": " + has.getFileName() + " has no matching "
                        + (g.images() != null ? "labels file (" + stem + "labels-idx1-ubyte[.gz])"
                                : "images file (" + stem + "images-idx3-ubyte[.gz])"));
            }
        }
        if (groups.isEmpty()) {
            throw new DclustException(dir + ": holds no IDX files (expected *-images-idx3-ubyte[.gz] with *-labels-idx1-ubyte[.gz])");
        }
        if (groups.size() == 1) {
            return List.copyOf(groups.values());
        }
        if (groups.size() == 2 && groups.containsKey("train")) {
            Group test = groups.containsKey("t10k") ? groups.get("t10k") : groups.get("test");
            if (test != null) {
                return List.of(groups.get("train"), test);
            }
        }
        List<String> names = new ArrayList<>();
        groups.values().forEach(g -> names.add(g.images().getFileName() + " + " + g.labels().getFileName()));
        throw new DclustException(dir + ": holds " + groups.size() + " image/label pairs (" + String.join(", ", names)
                + "); it must hold one pair, or a train and a t10k pair; pass images=FILE and labels=FILE to choose");
    }

    /** Reads the groups, concatenated in order. */
    static IdxData read(List<Group> groups) {
        return IdxReader.read(groups.stream().map(Group::images).toList(), groups.stream().map(Group::labels).toList());
    }
}
