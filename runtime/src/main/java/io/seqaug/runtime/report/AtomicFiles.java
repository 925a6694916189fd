package io.seqaug.runtime.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/** Writes files through a temporary sibling and an atomic move, so readers never see half a file. */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes.
         *
         * @param out the stream
         * @throws IOException when writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes a file atomically.
     *
     * @param target the final path
     * @param writer produces the content
     * @throws IOException when writing or moving fails; the temporary file is removed
     */
    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile, which makes the file private (0600): results are meant to be
        // shared, so the temporary file gets the permissions of the user's umask like any other.
        Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Removes the temporary files that writers killed mid-write left in a folder (a kill between the
     * write and the move cannot clean up). Call it only while no one else can write there, for
     * example under the folder's {@link io.seqaug.runtime.experiment.RunLock}.
     *
     * @param dir the folder
     * @return how many were removed
     * @throws IOException when the folder cannot be listed or a file not removed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                if (LEFTOVER.matcher(temp.getFileName().toString()).matches() && Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The temporary names {@link #write} makes: {@code .<name>.<pid>.<hex>.tmp}. */
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.[0-9]+\\.[0-9a-f]+\\.tmp");

    /**
     * Writes a text file atomically.
     *
     * @param target the final path
     * @param text the content
     * @throws IOException when writing fails
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
