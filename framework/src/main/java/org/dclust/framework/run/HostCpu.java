package org.dclust.framework.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The processor a run trained on, as {@code /proc/cpuinfo} names it: vendor, family, model, model
 * name and the widest vector instruction set it reports. libtorch's CPU kernels (ATen's, MKL's) follow
 * those instruction sets, so the same seed, data and thread count can train another model on a
 * processor with other ones: measured, the DCSS phase 1 and MNet of one Table 4 cell on an AVX-512
 * machine and on an earlier session's machine differed from their first epoch (README, "Data sets", on
 * the cache).
 * result.json records it beside the host.
 */
public final class HostCpu {
    private static final String DESCRIPTION = describe(read());

    private HostCpu() {
    }

    /** This machine's processor, e.g. "AuthenticAMD family 26 model 2 (AMD EPYC), avx512f"; "unknown" off Linux. */
    public static String description() {
        return DESCRIPTION;
    }

    /** The description of a {@code /proc/cpuinfo} text (its first processor); "unknown" when it names none. */
    static String describe(String cpuinfo) {
        String vendor = null;
        String family = null;
        String model = null;
        String name = null;
        List<String> flags = List.of();
        for (String line : cpuinfo.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (line.isBlank() && vendor != null) {
                    break;
                }
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = value;
                case "model" -> model = value;
                case "model name" -> name = value;
                case "flags" -> flags = List.of(value.split("\\s+"));
                default -> { }
            }
        }
        if (vendor == null && name == null) {
            return "unknown";
        }
        String isa = flags.contains("avx512f") ? "avx512f" : flags.contains("avx2") ? "avx2" : flags.contains("avx") ? "avx" : "sse";
        return String.format(Locale.ROOT, "%s family %s model %s (%s), %s", vendor, family, model, name, isa);
    }

    private static String read() {
        try {
            Path p = Path.of("/proc/cpuinfo");
            return Files.isReadable(p) ? Files.readString(p) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
