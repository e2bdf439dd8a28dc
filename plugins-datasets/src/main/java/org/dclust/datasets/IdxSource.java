package org.dclust.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dclust.api.DclustException;

/**
 * One of the 28×28, 10-class IDX benchmarks (MNIST, Fashion-MNIST, KMNIST): where its four files are
 * found (a directory holding the train and t10k image/label pairs, raw or gzip), how to get them, and
 * how they are read (train then t10k, labels checked to lie in 0..9).
 *
 * @param label the data set's name in messages ("Fashion-MNIST")
 * @param defaultDir where a package installs the files, or null when none does
 * @param obtain how to get the files, completing "…; " in messages
 */
record IdxSource(String label, String defaultDir, String obtain) {
    static final IdxSource FASHION_MNIST = new IdxSource("Fashion-MNIST", "/usr/share/datasets/fashion-mnist",
            "install them with `apt-get install dataset-fashion-mnist` (Debian, Ubuntu) or download them from "
                    + "https://github.com/zalandoresearch/fashion-mnist");
    static final IdxSource MNIST = new IdxSource("MNIST", null,
            "download them from https://ossci-datasets.s3.amazonaws.com/mnist/ (the torchvision mirror of "
                    + "http://yann.lecun.com/exdb/mnist/; no Debian package holds MNIST)");
    static final IdxSource KMNIST = new IdxSource("KMNIST", null,
            "download them from http://codh.rois.ac.jp/kmnist/dataset/kmnist/ (Kuzushiji-MNIST, CC BY-SA 4.0)");

    /** The number of classes of each of these benchmarks. */
    static final int CLASSES = 10;
    static final String FILES = "train-/t10k-images-idx3-ubyte[.gz] and train-/t10k-labels-idx1-ubyte[.gz]";

    /**
     * Reads train then t10k from {@code dir}.
     *
     * @param dir the directory, or null when the parameter is unset
     * @param key the parameter naming it ("mnist.dir"), for messages
     */
    IdxData read(String dir, String key) {
        IdxData idx = IdxDirectory.read(pairs(dir, key));
        checkLabels(idx.labels(), 0, idx.count(), dir);
        return idx;
    }

    /** The train and t10k pairs in {@code dir}, or the message that says how to get them. */
    List<IdxDirectory.Group> pairs(String dir, String key) {
        String pass = "pass " + key + "=DIR naming a directory that holds " + FILES;
        if (dir == null) {
            throw new DclustException(label + ": " + key + " is not set; " + obtain + ", and " + pass);
        }
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            throw new DclustException(label + " not found: " + d + " does not exist or is not a directory; " + obtain + "; or " + pass);
        }
        Map<String, IdxDirectory.Group> groups = IdxDirectory.scan(d);
        List<String> missing = new ArrayList<>();
        List<IdxDirectory.Group> pairs = new ArrayList<>();
        for (String prefix : List.of("train", "t10k")) {
            IdxDirectory.Group g = groups.get(prefix);
            if (g == null || g.images() == null) {
                missing.add(prefix + "-images-idx3-ubyte[.gz]");
            }
            if (g == null || g.labels() == null) {
                missing.add(prefix + "-labels-idx1-ubyte[.gz]");
            }
            pairs.add(g);
        }
        if (!missing.isEmpty()) {
            throw new DclustException(label + " not found: " + d + " lacks " + String.join(", ", missing) + "; " + obtain + "; or " + pass);
        }
        return pairs;
    }

    /** Checks that {@code labels[from..to)}, read from {@code dir}, lie in 0..9. */
    void checkLabels(int[] labels, int from, int to, String dir) {
        int max = -1;
        for (int i = from; i < to; i++) {
            max = Math.max(max, labels[i]);
        }
        if (max >= CLASSES) {
            throw new DclustException(dir + ": labels go up to " + max + ", but " + label
                    + " has 10 classes (0..9); is this really " + label + "?");
        }
    }
}
