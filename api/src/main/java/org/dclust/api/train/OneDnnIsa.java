package org.dclust.api.train;

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

    /** How a run records it: the cap, or "no cap". */
    public static String describe() {
        return cap().map(c -> "max ISA " + c).orElse("no cap");
    }
}
