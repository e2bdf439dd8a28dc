package org.dclust.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.dclust.api.data.Dataset;
import org.dclust.api.param.Params;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On the real Fashion-MNIST files (skipped where they are not installed; tagged slow, so not part of
 * {@code mvn verify}): load time and memory of all 70,000 images, and that the embedded
 * fashion-mnist-small is exactly the stratified subset n=3000, subsetSeed=0.
 */
@Tag("slow")
class FashionMnistLoadBenchmarkTest {
    static final Path DIR = Path.of(FashionMnistProvider.DEFAULT_DIR);

    static Dataset load(Map<String, ?> given) {
        FashionMnistProvider p = new FashionMnistProvider();
        return p.load(Params.resolve(p.name(), p.parameters(), given));
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void loadsAll70000ImagesFastAndLean() {
        assumeTrue(Files.isDirectory(DIR), "Fashion-MNIST is not installed in " + DIR);
        long before = usedHeap();
        long t0 = System.nanoTime();
        Dataset d = load(Map.of());
        double first = (System.nanoTime() - t0) / 1e9;
        long held = usedHeap() - before;
        long t1 = System.nanoTime();
        load(Map.of());
        double second = (System.nanoTime() - t1) / 1e9;
        long tensor = 4L * d.size() * d.featureSize();
        System.out.printf("fashion-mnist: %d images, first load %.3f s, second %.3f s; heap held %.1f MiB for a %.1f MiB float tensor (%.2f×)%n",
                d.size(), first, second, held / 1048576.0, tensor / 1048576.0, held / (double) tensor);

        assertThat(d.size()).isEqualTo(70_000);
        assertThat(d.sampleShape()).containsExactly(1, 28, 28);
        int[] perClass = new int[10];
        for (int l : d.labels()) {
            perClass[l]++;
        }
        assertThat(perClass).containsOnly(7000);
        assertThat(first).isLessThan(2.0);
        assertThat(held).isLessThanOrEqualTo(2 * tensor);
    }

    @Test
    void embeddedSmallIsTheStratifiedSubsetWithSeed0() {
        assumeTrue(Files.isDirectory(DIR), "Fashion-MNIST is not installed in " + DIR);
        Dataset subset = load(Map.of("n", 3000, "subset", "stratified", "subsetSeed", 0));
        FashionMnistSmallProvider small = new FashionMnistSmallProvider();
        Dataset embedded = small.load(Params.defaults(small.name(), small.parameters()));
        // Arrays.equals, not AssertJ's containsExactly, which is quadratic on millions of values
        assertThat(Arrays.equals(subset.labels(), embedded.labels())).isTrue();
        assertThat(Arrays.equals(subset.values(), embedded.values())).isTrue();
        assertThat(subset.fingerprint()).isEqualTo(embedded.fingerprint());
    }
}
