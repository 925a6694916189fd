package io.seqaug.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the file of a dataset: an explicit path first, then the data folder (the
 * {@code SEQAUG_DATA_DIR} environment variable), then the cache, and finally a verified download
 * into the cache.
 */
public final class DatasetResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetResolver.class);

    /** The environment variable naming a folder that holds dataset files. */
    public static final String DATA_DIR_ENV = "SEQAUG_DATA_DIR";

    private final DatasetRegistry registry;
    private final Optional<Path> dataDir;
    private final Path cacheDir;
    private final Downloader downloader;

    /**
     * Creates a resolver.
     *
     * @param registry the known public datasets
     * @param dataDir a folder with dataset files, usually from {@link #DATA_DIR_ENV}
     * @param cacheDir where downloads are kept
     * @param downloader the downloader to use when nothing local exists
     */
    public DatasetResolver(DatasetRegistry registry, Optional<Path> dataDir, Path cacheDir, Downloader downloader) {
        this.registry = registry;
        this.dataDir = dataDir;
        this.cacheDir = cacheDir;
        this.downloader = downloader;
    }

    /**
     * Resolves a dataset name or a path to a local, verified file.
     *
     * @param nameOrPath a registered name such as {@code beauty}, or a path to a sequence file
     * @return the file
     * @throws DatasetException when the file is missing, fails verification or cannot be fetched
     */
    public Path resolve(String nameOrPath) {
        Optional<PublicDataset> known = registry.find(nameOrPath);
        if (known.isEmpty()) {
            Path path = Path.of(nameOrPath);
            if (Files.isRegularFile(path)) {
                return path;
            }
            throw new DatasetException("'" + nameOrPath + "' is neither an existing file nor a known dataset ("
                    + String.join(", ", registry.all().stream().map(PublicDataset::name).toList()) + ")");
        }
        PublicDataset dataset = known.get();
        if (dataDir.isPresent()) {
            Path candidate = dataDir.get().resolve(dataset.fileName());
            if (Files.isRegularFile(candidate)) {
                verify(dataset, candidate);
                return candidate;
            }
        }
        Path cached = cacheDir.resolve(dataset.fileName());
        if (Files.isRegularFile(cached)) {
            verify(dataset, cached);
            return cached;
        }
        return fetch(dataset);
    }

    /**
     * Downloads a registered dataset into the cache unless a verified copy is already there.
     *
     * @param dataset the dataset
     * @return the cached file
     */
    public Path fetch(PublicDataset dataset) {
        Path cached = cacheDir.resolve(dataset.fileName());
        if (Files.isRegularFile(cached)) {
            verify(dataset, cached);
            return cached;
        }
        LOG.info("downloading {} from {}", dataset.name(), dataset.url());
        String actual = downloader.download(dataset.url(), cached, dataset.sha256());
        if (dataset.sha256().isEmpty()) {
            writeRecordedDigest(cached, actual);
            LOG.warn("{} has no pinned checksum; recorded SHA-256 {} of this first download", dataset.name(), actual);
        }
        return cached;
    }

    private void verify(PublicDataset dataset, Path file) {
        Optional<String> expected = dataset.sha256().or(() -> readRecordedDigest(file));
        if (expected.isEmpty()) {
            return;
        }
        String actual;
        try {
            actual = Checksums.sha256(file);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!actual.equalsIgnoreCase(expected.get())) {
            throw new DatasetException(file + ": checksum mismatch for dataset '" + dataset.name() + "': expected SHA-256 "
                    + expected.get() + ", found " + actual + "; delete the file to download it again");
        }
    }

    private static Path digestFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }

    private static Optional<String> readRecordedDigest(Path file) {
        Path digest = digestFile(file);
        try {
            return Files.isRegularFile(digest)
                    ? Optional.of(Files.readString(digest, StandardCharsets.US_ASCII).trim())
                    : Optional.empty();
        } catch (IOException e) {
            throw new DatasetException(digest + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void writeRecordedDigest(Path file, String digest) {
        try {
            Files.writeString(digestFile(file), digest + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DatasetException(digestFile(file) + ": cannot write: " + e.getMessage(), e);
        }
    }
}
