package org.dclust.framework.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dclust.api.DclustException;
import org.dclust.framework.run.Predictions;

/**
 * The input files of {@code predict --shards}: a directory (its regular files, not hidden ones), a
 * pattern in the last part of a path ({@code data/part-*.npy}, glob syntax: {@code *}, {@code ?},
 * {@code [..]}, <code>{a,b}</code>), or one file; in name order.
 */
final class ShardFiles {
    private ShardFiles() {
    }

    /**
     * @throws DclustException when nothing matches, or two shards would write the same output file
     */
    static List<Path> resolve(String given) {
        Path p = Path.of(given);
        List<Path> files;
        try {
            if (Files.isDirectory(p)) {
                files = list(p, f -> !f.getFileName().toString().startsWith("."));
            } else if (Files.isRegularFile(p)) {
                files = List.of(p);
            } else {
                Path parent = p.toAbsolutePath().getParent();
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
                files = Files.isDirectory(parent) ? list(parent, f -> m.matches(f.getFileName())) : List.of();
            }
        } catch (IOException e) {
            throw new DclustException("--shards " + given + " cannot be read (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new DclustException("--shards " + given + " names no file: give a directory of shards, a pattern such as "
                    + "'data/part-*.npy' (quoted, so the shell leaves it), or a file");
        }
        Map<String, Path> outputs = new HashMap<>();
        for (Path f : files) {
            Path other = outputs.putIfAbsent(Predictions.outputName(f), f);
            if (other != null) {
                throw new DclustException("--shards: " + other.getFileName() + " and " + f.getFileName() + " would both write "
                        + Predictions.outputName(f) + " (a shard's output is named by its file name up to the first dot): rename one");
            }
        }
        return files;
    }

    private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(keep).map(Path::toAbsolutePath).sorted().toList();
        }
    }
}
