package org.dclust.api.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether Intel MKL's processor-vendor check is answered in this process: the {@code dclust} launcher
 * preloads {@value #LIBRARY} (built from {@code dist/native/mkl-vendor-check.c}) on Linux x86-64 with
 * an AMD processor, and MKL, which libtorch's x86-64 builds use for matrix products, then takes its
 * fast kernels (AVX-512 or AVX2, by what the processor reports) instead of its generic path. Those
 * kernels add partial sums in another order, so a result may differ in its last bits, as with another
 * thread count: runs record it ({@code identity.versions.mkl}) and the cache keys hold it. README,
 * "Speed: MKL on AMD processors".
 */
public final class MklVendorCheck {
    /** The file name of the preloaded library. */
    public static final String LIBRARY = "libdclust-mkl-vendor-check.so";
    private static final boolean ANSWERED = answeredIn(maps());

    private MklVendorCheck() {
    }

    /** True when this process has the launcher's library loaded (Linux; elsewhere false). */
    public static boolean answered() {
        return ANSWERED;
    }

    /** How a run records it: "vendor check answered" or "as installed". */
    public static String describe() {
        return ANSWERED ? "vendor check answered" : "as installed";
    }

    /** Whether a {@code /proc/PID/maps} text lists the library as mapped into the process. */
    static boolean answeredIn(String maps) {
        return maps.lines().anyMatch(l -> l.endsWith("/" + LIBRARY));
    }

    private static String maps() {
        try {
            Path p = Path.of("/proc/self/maps");
            return Files.isReadable(p) ? Files.readString(p) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
