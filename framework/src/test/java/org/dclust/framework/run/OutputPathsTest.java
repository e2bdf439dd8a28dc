package org.dclust.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.dclust.api.DclustException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output places that cannot be written are user errors found before anything is written, and checking them writes nothing. */
class OutputPathsTest {
    @Test
    void aDirectoryBelowARegularFileCannotBeCreated(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> OutputPaths.directory("--out", file.resolve("a/b"), "choose another --out"))
                .isInstanceOf(DclustException.class)
                .hasMessage("--out " + file.resolve("a/b") + " cannot be created: " + file + " is a file, not a directory: choose another --out");
        assertThatThrownBy(() -> OutputPaths.directory("--cache", file, "give --no-cache"))
                .hasMessage("--cache " + file + " is a file, not a directory: give --no-cache");
    }

    @Test
    void aFileToWriteMustNotBeADirectoryNorLieBelowAFile(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> OutputPaths.file("--out", tmp, "predictions.csv")).isInstanceOf(DclustException.class)
                .hasMessage("--out " + tmp + " is a directory: name a file, e.g. " + tmp.resolve("predictions.csv"));
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertThatThrownBy(() -> OutputPaths.file("--out", file.resolve("p.csv"), "predictions.csv"))
                .hasMessageStartingWith("--out " + file.resolve("p.csv") + " cannot be written: its directory " + file + " is a file");
    }

    @Test
    void writablePlacesPassAndNothingIsLeftBehind(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        assertThatCode(() -> {
            OutputPaths.directory("--out", tmp.resolve("new/deeper"), "x");
            OutputPaths.directory("--out", tmp.resolve("old"), "x");
            OutputPaths.file("--out", tmp.resolve("sub/p.csv"), "p.csv");
            OutputPaths.file("--out", tmp.resolve("p.csv"), "p.csv");
        }).doesNotThrowAnyException();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> !p.equals(tmp)).map(p -> tmp.relativize(p).toString())).containsExactly("old");
        }
    }

    @Test
    void aDirectoryWithoutWritePermissionIsRefused(@TempDir Path tmp) throws Exception {
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // the superuser may write anywhere: there the refusal cannot be shown
            assumeThat(Files.isWritable(ro)).as("running as a user that permissions bind").isFalse();
            assertThatThrownBy(() -> OutputPaths.directory("--out", ro.resolve("run"), "choose another --out"))
                    .hasMessage("--out " + ro.resolve("run") + " cannot be created: " + ro
                            + " cannot be written (no permission, or a read-only file system): choose another --out");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
