package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dclust} launcher script, run on a copy of itself next to a stand-in {@code mvnw} and with a
 * stand-in {@code java} first on the PATH (and an {@code mvn} there that fails if called): it builds
 * with the Maven wrapper only, quietly and without colour codes, shows one line for a good build and
 * the end of the log, stripped of escape sequences, for a failed one, does not build again when
 * nothing changed, sets libgomp's spin count, glibc's malloc thresholds and oneDNN's instruction-set cap
 * unless the user set them,
 * and preloads the MKL vendor check it builds on AMD processors.
 */
class LauncherTest {
    private static final String ESC = "\u001b";
    @TempDir
    Path home;
    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("dclust");
        assumeTrue(Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")), "bash and the launcher");
        Files.copy(launcher, home.resolve("dclust"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        bin = Files.createDirectory(home.resolve("bin"));
        script(bin.resolve("mvn"), "echo 'the system mvn was called' >&2; exit 99");
        script(bin.resolve("java"), "echo \"java $*\"");
    }

    @Test
    void aGoodBuildShowsOneLineAndThenRunsJava() throws Exception {
        mvnw("echo \"$*\" > mvnw.args; printf '" + ESC + "[0m" + ESC + "[0m[WARNING] noise\\n'; mkdir -p dist/target/lib");
        Result r = launch("plugins", "mnet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("dclust: building (first use or changed sources; the first build also fetches Maven and the libraries"
                + " from Maven Central)...\n");
        assertThat(Files.readString(home.resolve("mvnw.args")).strip())
                .isEqualTo("-B -q --no-transfer-progress -Dstyle.color=never -DskipTests package -pl dist -am");
        assertThat(r.out().strip()).startsWith("java -Dai.djl.offline=true").endsWith("-cp " + home + "/dist/target/lib/*"
                + " org.dclust.framework.cli.Main plugins mnet");
        assertThat(r.out()).as("how it was called, for the command an interrupted run prints").contains(" -Ddclust.launcher=" + home.resolve("dclust") + " ");
        assertThat(Files.readString(home.resolve("dist/target/build.log"))).contains("[WARNING] noise");

        Result again = launch("plugins");
        assertThat(again.err()).as("nothing changed: no second build").isEmpty();
        assertThat(again.out()).contains("org.dclust.framework.cli.Main plugins");
    }

    @Test
    void engineSparkBuildsEngineSparkAndRunsWithItsClassPathAndJvmOptions() throws Exception {
        mvnw("echo \"$*\" > mvnw.args; mkdir -p dist/target/lib engine-spark/target/lib");
        Result r = launch("study", "s.yaml", "--engine", "spark", "--master", "local[2]");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(home.resolve("mvnw.args")).strip())
                .isEqualTo("-B -q --no-transfer-progress -Dstyle.color=never -DskipTests package -Pspark -pl dist,engine-spark -am");
        assertThat(r.out().strip()).startsWith("java @" + home + "/engine-spark/spark-jvm-options.txt -Dai.djl.offline=true")
                .endsWith("-cp " + home + "/engine-spark/target/lib/*:" + home + "/engine-spark/target/*"
                        + " org.dclust.framework.cli.Main study s.yaml --engine spark --master local[2]");

        Result plain = launch("plugins");
        assertThat(plain.err()).as("the spark build built dist too").isEmpty();
        assertThat(plain.out()).contains("-cp " + home + "/dist/target/lib/* org.dclust.framework.cli.Main plugins");
    }

    @Test
    void setsTheOpenMpSpinMallocThresholdsAndOneDnnCapUnlessTheUserSetThem() throws Exception {
        mvnw("mkdir -p dist/target/lib");
        script(bin.resolve("java"), "echo \"${GOMP_SPINCOUNT:-}|${MALLOC_MMAP_THRESHOLD_:-}|${MALLOC_TRIM_THRESHOLD_:-}|${ONEDNN_MAX_CPU_ISA:-}\"");
        assertThat(launch(Map.of(), "plugins").out().strip()).isEqualTo("1000|33554432|1073741824|AVX2");
        assertThat(launch(Map.of("OMP_WAIT_POLICY", "PASSIVE"), "plugins").out().strip()).isEqualTo("|33554432|1073741824|AVX2");
        assertThat(launch(Map.of("MALLOC_TRIM_THRESHOLD_", "5"), "plugins").out().strip()).as("one of the user's: none of ours")
                .isEqualTo("1000||5|AVX2");
        assertThat(launch(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=7"), "plugins").out().strip()).isEqualTo("1000|||AVX2");
        assertThat(launch(Map.of("GLIBC_TUNABLES", "glibc.pthread.rseq=0"), "plugins").out().strip())
                .as("tunables of something else").isEqualTo("1000|33554432|1073741824|AVX2");
        assertThat(launch(Map.of("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"), "plugins").out().strip()).endsWith("|AVX512_CORE");
        assertThat(launch(Map.of("DNNL_MAX_CPU_ISA", "SSE41"), "plugins").out().strip()).as("the older name is the user's too").endsWith("|");
    }

    @Test
    void onAnAmdProcessorItBuildsAndPreloadsTheMklVendorCheckUnlessTold() throws Exception {
        assumeTrue(amdLinuxX86(), "Linux x86-64 on an AMD processor");
        assumeTrue(new ProcessBuilder("/bin/sh", "-c", "command -v cc").start().waitFor() == 0, "a C compiler");
        Path source = Path.of("").toAbsolutePath().resolve("native/mkl-vendor-check.c");
        Files.createDirectories(home.resolve("dist/native"));
        Files.copy(source, home.resolve("dist/native/mkl-vendor-check.c"));
        mvnw("mkdir -p dist/target/lib");
        script(bin.resolve("java"), "echo \"${LD_PRELOAD:-}\"");
        Path library = home.resolve("dist/target/native/libdclust-mkl-vendor-check.so");

        Result r = launch(Map.of("DCLUST_MKL_VENDOR_CHECK", "answer"), "plugins");
        assertThat(r.out().strip()).isEqualTo(library.toString());
        assertThat(library).isRegularFile();
        assertThat(launch(Map.of("DCLUST_MKL_VENDOR_CHECK", "answer", "LD_PRELOAD", "/x/other.so"), "plugins").out().strip())
                .as("the user's preloads are kept, after ours").isEqualTo(library + ":/x/other.so");
        assertThat(launch(Map.of("DCLUST_MKL_VENDOR_CHECK", "keep"), "plugins").out().strip()).isEmpty();
    }

    @Test
    void withoutACompilerItSaysSoOnceAndRunsWithoutThePreload() throws Exception {
        assumeTrue(amdLinuxX86(), "Linux x86-64 on an AMD processor");
        mvnw("mkdir -p dist/target/lib");
        script(bin.resolve("cc"), "exit 1");
        script(bin.resolve("java"), "echo \"${LD_PRELOAD:-}\"");
        Result r = launch(Map.of("DCLUST_MKL_VENDOR_CHECK", "answer"), "plugins");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEmpty();
        assertThat(r.err()).contains("dclust: no C compiler (cc) could build dist/native/mkl-vendor-check.c").hasLineCount(2);
        Result again = launch(Map.of("DCLUST_MKL_VENDOR_CHECK", "answer"), "plugins");
        assertThat(again.err()).as("said once").isEmpty();
        assertThat(again.out().strip()).isEmpty();
    }

    private static boolean amdLinuxX86() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        return System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64") && Files.isReadable(cpuinfo)
                && Files.readString(cpuinfo).lines().anyMatch(l -> l.startsWith("vendor_id") && l.contains("AuthenticAMD"));
    }

    @Test
    void aFailedBuildShowsTheEndOfItsLogWithoutEscapeCodes() throws Exception {
        mvnw("for i in $(seq 1 40); do printf '" + ESC + "[1;31m[ERROR]" + ESC + "[m line %s\\n' $i; done; exit 1");
        Result r = launch("run");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(27);
        assertThat(lines.get(1)).isEqualTo("dclust: the build failed; the end of its log (" + home + "/dist/target/build.log):");
        assertThat(lines.get(2)).isEqualTo("[ERROR] line 16");
        assertThat(lines.get(26)).isEqualTo("[ERROR] line 40");
        assertThat(r.err()).doesNotContain(ESC);
        assertThat(home.resolve("dist/target/lib/.built")).doesNotExist();
    }

    private void mvnw(String body) throws IOException {
        script(home.resolve("mvnw"), body);
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Result(int code, String out, String err) {
    }

    private Result launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    /** Runs the launcher copy with {@code env} added to an environment without any variable it reads. */
    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", home.resolve("dclust").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("DCLUST_JAVA_OPTS");
        pb.environment().remove("DCLUST_PLUGIN_PATH");
        for (String v : List.of("GOMP_SPINCOUNT", "OMP_WAIT_POLICY", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES",
                "LD_PRELOAD", "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA")) {
            pb.environment().remove(v);
        }
        // the MKL preload is tested on its own: elsewhere it would build a library in every test's copy
        pb.environment().put("DCLUST_MKL_VENDOR_CHECK", "keep");
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
    }
}
