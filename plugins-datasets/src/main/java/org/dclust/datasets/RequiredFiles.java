package org.dclust.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dclust.api.DclustException;

/**
 * Finds the files a data set is distributed as in the directory its {@code dir} parameter names:
 * each as NAME, or compressed as NAME.gz or NAME.bz2; when the directory lacks them but its sub-folder of the
 * distribution's name (say {@code cifar-10-batches-bin}) holds them, that folder is used. Fails with
 * one message naming the files missing and how to get them.
 */
final class RequiredFiles {
    private RequiredFiles() {
    }

    /**
     * The files, in the order of {@code names}.
     *
     * @param dir the directory, or null when the parameter is unset
     * @param key the parameter ("cifar10.dir"), for messages
     * @param label the data set in messages ("CIFAR-10")
     * @param obtain how to get the files, for messages
     * @param subfolder the folder the distribution unpacks into, tried inside {@code dir}
     */
    static List<Path> find(String dir, String key, String label, String obtain, String subfolder, String... names) {
        String pass = "pass " + key + "=DIR naming the folder that holds " + String.join(", ", names);
        if (dir == null) {
            throw new DclustException(label + ": " + key + " is not set; " + obtain + ", and " + pass);
        }
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            throw new DclustException(label + " not found: " + d + " does not exist or is not a directory; " + obtain + ", and " + pass);
        }
        List<String> missing = missing(d, names);
        if (!missing.isEmpty() && subfolder != null && Files.isDirectory(d.resolve(subfolder)) && missing(d.resolve(subfolder), names).isEmpty()) {
            d = d.resolve(subfolder);
            missing = List.of();
        }
        if (!missing.isEmpty()) {
            throw new DclustException(label + " not found: " + d + " lacks " + String.join(", ", missing) + "; " + obtain + ", and " + pass);
        }
        List<Path> out = new ArrayList<>();
        for (String n : names) {
            out.add(resolve(d, n));
        }
        return out;
    }

    private static List<String> missing(Path d, String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (resolve(d, n) == null) {
                missing.add(n);
            }
        }
        return missing;
    }

    /** dir/name, dir/name.gz or dir/name.bz2, or null; more than one present is an error. */
    static Path resolve(Path d, String name) {
        List<Path> found = new ArrayList<>();
        for (String suffix : new String[] {"", ".gz", ".bz2"}) {
            Path p = d.resolve(name + suffix);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        if (found.size() > 1) {
            throw new DclustException(d + ": holds both " + found.get(0).getFileName() + " and " + found.get(1).getFileName()
                    + "; keep one of them");
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
