package org.dclust.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;
import org.dclust.api.spi.Citation;
import org.dclust.api.spi.DatasetProvider;

/**
 * Dataset {@code fashion-mnist}: the 70,000 Fashion-MNIST images, the 60,000 of train followed by the
 * 10,000 of t10k as the deep-clustering papers use them, 1×28×28, 10 classes. The four IDX files are
 * read from {@code dir}, by default where the Debian package {@code dataset-fashion-mnist} installs
 * them. Takes the shared subset parameters {@code n}, {@code subset} and {@code subsetSeed}.
 */
public final class FashionMnistProvider implements DatasetProvider {
    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    static final String DEFAULT_DIR = "/usr/share/datasets/fashion-mnist";
    static final String DIR = "dir";
    static final Citation PAPER = new Citation("Han Xiao, Kashif Rasul, Roland Vollgraf",
            "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms", 2017, "arXiv", "1708.07747");

    private static final List<ParamSpec> PARAMS = SubsetParams.with(
            ParamSpec.text(DIR, DEFAULT_DIR, "directory holding train-/t10k-images-idx3-ubyte[.gz] and train-/t10k-labels-idx1-ubyte[.gz]"));

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String title() {
        return "Fashion-MNIST: 70,000 28×28 grey images of clothing in 10 classes";
    }

    @Override
    public String description() {
        return "The 60,000 training and 10,000 test images of Fashion-MNIST (Zalando Research, MIT licence) "
                + "concatenated, train first, as in the deep-clustering papers; pixels scaled to [0, 1]. Files: "
                + "the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) puts them in "
                + DEFAULT_DIR + "; or download them from https://github.com/zalandoresearch/fashion-mnist and pass "
                + "fashion-mnist.dir=DIR.";
    }

    @Override
    public Optional<Citation> paper() {
        return Optional.of(PAPER);
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMS;
    }

    @Override
    public Dataset load(Params params) {
        Path dir = Path.of(params.getString(DIR));
        List<IdxDirectory.Group> pairs = find(dir);
        IdxData idx = IdxDirectory.read(pairs);
        if (idx.numClasses() > 10) {
            throw new DclustException(dir + ": labels go up to " + (idx.numClasses() - 1)
                    + ", but Fashion-MNIST has 10 classes (0..9); is this really Fashion-MNIST?");
        }
        Dataset data = new Dataset(name(), idx.pixels(), new int[] {1, idx.rows(), idx.cols()}, idx.labels(), 10);
        return SubsetParams.apply(data, params);
    }

    /** The train and t10k pairs in {@code dir}, or the message that says how to install them. */
    private static List<IdxDirectory.Group> find(Path dir) {
        String install = "install them with `apt-get install dataset-fashion-mnist` (Debian, Ubuntu) or pass fashion-mnist.dir=DIR "
                + "naming a directory that holds them (https://github.com/zalandoresearch/fashion-mnist)";
        if (!Files.isDirectory(dir)) {
            throw new DclustException("Fashion-MNIST not found: " + dir + " does not exist or is not a directory; " + install);
        }
        Map<String, IdxDirectory.Group> groups = IdxDirectory.scan(dir);
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
            throw new DclustException("Fashion-MNIST not found: " + dir + " lacks " + String.join(", ", missing) + "; " + install);
        }
        return pairs;
    }
}
