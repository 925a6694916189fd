package io.seqaug.runtime.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder name for a dataset setting that never merges two datasets: a registered name (or
 * {@code synthetic}) is used as it is; a path becomes its file name without extension, made safe
 * for folders, plus the first 8 hex digits of the SHA-256 of its absolute, normalised form. So
 * {@code /a/data.txt} and {@code /b/data.txt}, {@code x.txt} and {@code x.csv}, or {@code my data}
 * and {@code my_data} get different folders, and a relative and an absolute spelling of one file
 * get the same.
 */
public final class DatasetLabel {

    private DatasetLabel() {}

    /**
     * The label of a dataset setting.
     *
     * @param dataset a registered name or a path
     * @return a folder-safe label
     */
    public static String of(String dataset) {
        if (dataset.matches("[A-Za-z0-9_-]+")) {
            return dataset;
        }
        Path path = Path.of(dataset).toAbsolutePath().normalize();
        Path fileName = path.getFileName();
        String stem = (fileName == null ? "data" : fileName.toString()).replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9_-]", "_");
        return stem + "-" + digest(path.toString()).substring(0, 8);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
