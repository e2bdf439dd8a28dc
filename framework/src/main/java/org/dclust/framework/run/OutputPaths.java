package org.dclust.framework.run;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dclust.api.DclustException;

/**
 * Checks, before anything is trained or written, that a place dclust will write to can be written: a
 * directory that exists must be a writable directory, and one that does not exist yet must be
 * creatable (its nearest existing ancestor is a writable directory, not a file). A file to write must
 * not be a directory, and its directory must pass the same test. Each failure is a user error that
 * names the option, the path, why, and what to do. Writability is asked of the operating system
 * ({@link Files#isWritable}, which knows read-only file systems) and then tried: a temporary directory
 * is created and deleted at once in the directory that would receive the files, which also catches
 * what permissions do not show (a superuser on a pseudo file system, access control lists). Nothing is
 * left behind.
 */
public final class OutputPaths {
    private OutputPaths() {
    }

    /**
     * Checks a directory dclust will create or fill.
     *
     * @param what how the user named it, for the message ("--out", "the pretraining cache")
     * @param fix what to do instead ("choose another --out")
     * @throws DclustException when it cannot be created or written
     */
    public static void directory(String what, Path dir, String fix) {
        String why = whyNotWritable(dir);
        if (why != null) {
            throw new DclustException(what + " " + dir + " " + why + ": " + fix);
        }
    }

    /**
     * Checks a file dclust will write (through a temporary sibling and a rename, so its directory must
     * be writable; a missing directory is created).
     *
     * @param example a file name to suggest when {@code file} names a directory
     * @throws DclustException when it names a directory or its directory cannot be created or written
     */
    public static void file(String what, Path file, String example) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new DclustException(what + " " + file + " is a directory: name a file, e.g. " + file.resolve(example));
        }
        String why = whyNotWritable(abs.getParent());
        if (why != null) {
            throw new DclustException(what + " " + file + " cannot be written: its directory " + abs.getParent() + " " + why
                    + ": name a file in a directory you can write to");
        }
    }

    /**
     * Refuses an existing directory that holds any entry (a new run or study must not mix its files
     * with a user's).
     *
     * @param what how the user named it, for the message
     * @param holds what a directory of ours would hold instead, for the message ("no dclust run")
     */
    public static void requireEmpty(String what, Path dir, String holds) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new DclustException(what + " " + dir + " already holds other files and " + holds + ": choose a new or empty directory");
            }
        } catch (IOException e) {
            throw new DclustException(what + " " + dir + " cannot be read (" + e.getMessage() + "): choose another directory", e);
        }
    }

    /** Why {@code dir} cannot be created or filled, or null when it can. */
    static String whyNotWritable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                return "is a file, not a directory";
            }
            String why = tryWriting(abs);
            return why == null ? null : "cannot be written (" + why + ")";
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "cannot be created: none of its parent directories exists";
        }
        if (!Files.isDirectory(existing)) {
            return "cannot be created: " + existing + " is a file, not a directory";
        }
        String why = tryWriting(existing);
        return why == null ? null : "cannot be created: " + existing + " cannot be written (" + why + ")";
    }

    /** Null when a directory can be made in {@code dir} (made and deleted at once), else why not. */
    private static String tryWriting(Path dir) {
        if (!Files.isWritable(dir)) {
            return "no permission, or a read-only file system";
        }
        try {
            Files.delete(Files.createTempDirectory(dir, ".dclust-write-test"));
            return null;
        } catch (FileSystemException e) {
            return e.getReason() != null ? e.getReason() : "it refuses new files";
        } catch (IOException | UnsupportedOperationException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
