package org.dclust.datasets;

import java.nio.file.Path;
import java.util.List;
import org.dclust.api.DclustException;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.ParamSpec;
import org.dclust.api.param.Params;

/**
 * Dataset {@code idx}: MNIST-format IDX files, raw or gzip. Either {@code images} (with
 * {@code labels}, or alone for unlabelled images) or {@code dir}, a directory holding one
 * {@code *-images-idx3-ubyte[.gz]} / {@code *-labels-idx1-ubyte[.gz]} pair, or a train and a t10k
 * pair (read train first). Samples are shaped [1, rows, cols] with pixels scaled to [0, 1]; the
 * classes are the distinct labels present. Takes the shared parameters of
 * {@link org.dclust.api.data.DatasetParams}. The data set is named after the directory, or after the
 * images file's prefix ({@code train} for {@code train-images-idx3-ubyte.gz}).
 */
public final class IdxProvider extends BaseDatasetProvider {
    static final String IMAGES = "images";
    static final String LABELS = "labels";
    static final String DIR = "dir";

    public IdxProvider() {
        super("idx", null,
                ParamSpec.text(IMAGES, null, "IDX images file (idx3, unsigned bytes), raw or gzip"),
                ParamSpec.text(LABELS, null, "IDX labels file (idx1) matching images; leave unset for unlabelled images"),
                ParamSpec.text(DIR, null, "directory holding one images/labels pair, or a train and a t10k pair; instead of images and labels"));
    }

    @Override
    public String title() {
        return "MNIST-format IDX image files (raw or gzip)";
    }

    @Override
    public String description() {
        return "Reads images from IDX files (idx3 unsigned bytes, as MNIST, Fashion-MNIST and KMNIST are distributed) with "
                + "their idx1 labels, raw or gzip-compressed. Give images=FILE and labels=FILE, or dir=DIR holding one "
                + "*-images-idx3-ubyte[.gz] / *-labels-idx1-ubyte[.gz] pair, or a train and a t10k pair (concatenated, train first). "
                + "Samples are 1×rows×cols with pixels scaled to [0, 1]; the classes are the distinct labels present.";
    }

    @Override
    Dataset read(Params params) {
        String images = params.getString(IMAGES);
        String labels = params.getString(LABELS);
        String dir = params.getString(DIR);
        IdxData data;
        String name;
        if (dir != null) {
            if (images != null || labels != null) {
                throw new DclustException("idx: give either idx.dir or idx.images (with idx.labels), not both");
            }
            Path d = Path.of(dir);
            data = IdxDirectory.read(IdxDirectory.select(d));
            Path last = d.toAbsolutePath().normalize().getFileName();
            name = last == null ? "idx" : last.toString();
        } else if (images != null) {
            Path img = Path.of(images);
            data = labels == null ? IdxReader.readImages(img) : IdxReader.read(img, Path.of(labels));
            name = img.getFileName().toString().replaceFirst("(?i)[-._]?images[-._]idx3[-._]ubyte(\\.gz)?$", "");
            if (name.isEmpty()) {
                name = "idx";
            }
        } else if (labels != null) {
            throw new DclustException("idx: idx.labels is set but idx.images is not; give the images file too");
        } else {
            throw new DclustException("idx: give idx.dir=DIR (a directory of IDX files) or idx.images=FILE and idx.labels=FILE");
        }
        return data.toDataset(name);
    }
}
