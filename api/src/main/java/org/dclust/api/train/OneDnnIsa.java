package org.dclust.api.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instruction-set cap of oneDNN, libtorch's CPU kernels for convolutions and batch norm: the
 * {@code ONEDNN_MAX_CPU_ISA} (or older {@code DNNL_MAX_CPU_ISA}) environment variable, read by libtorch
 * once per process. The {@code dclust} launcher and the tests set AVX2: oneDNN's AVX-512 kernels gave
 * NaN losses and run-to-run differences in the resnet learners' tests on an AMD Zen 5 machine. Other
 * kernels round differently, so runs record the cap ({@code identity.versions.onednn}) and the cache
 * keys hold it. README, "Speed: MKL on AMD processors".
 */
public final class OneDnnIsa {
    private OneDnnIsa() {
    }

    /** The cap in force in this process, if any. */
    public static Optional<String> cap() {
        return capIn(System.getenv());
    }

    /** The cap an environment sets: ONEDNN_MAX_CPU_ISA, else DNNL_MAX_CPU_ISA; blank counts as unset. */
    static Optional<String> capIn(Map<String, String> env) {
        for (String name : new String[] {"ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.strip());
            }
        }
        return Optional.empty();
    }

    /**
     * The channel block of oneDNN's direct convolution kernels in this process: 16 with its AVX-512
     * kernels (capped at an AVX-512, AVX10 or AMX level, or uncapped on a processor with AVX-512F), 8
     * with its AVX and AVX2 ones, 1 when capped at SSE4.1, where convolutions take its GEMM-based
     * kernels. A network whose convolutions have a channel count that is not a multiple of it runs
     * kernels that pad the channels, and those gave NaN losses from run to run with the same seed on
     * this project's AMD Zen 5 machine (README, "Speed: MKL on AMD processors"): convolution backbones
     * on the CPU refuse such widths.
     */
    public static int channelBlock() {
        return channelBlock(cap(), processorHasAvx512());
    }

    /** {@link #channelBlock()} for a cap (empty: none) on a processor with or without AVX-512F. */
    static int channelBlock(Optional<String> cap, boolean avx512) {
        if (cap.isEmpty()) {
            return avx512 ? 16 : 8;
        }
        String c = cap.get().toUpperCase(Locale.ROOT);
        if (c.startsWith("SSE")) {
            return 1;
        }
        if (c.equals("AVX") || c.startsWith("AVX2")) {
            return 8;
        }
        return avx512 ? 16 : 8;
    }

    private static boolean processorHasAvx512() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            return Files.isReadable(info) && Files.readString(info).contains(" avx512f");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How a run records it: the cap, or "no cap". */
    public static String describe() {
        return cap().map(c -> "max ISA " + c).orElse("no cap");
    }
}
