package io.seqaug.datasets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps computed similarity indexes on disk, keyed by the content fingerprint of the dataset, the
 * method, the number of neighbours and the seed of the fallbacks.
 */
public final class SimilarityCache {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarityCache.class);

    private final Path directory;

    /**
     * Creates a cache.
     *
     * @param directory where index files are kept
     */
    public SimilarityCache(Path directory) {
        this.directory = directory;
    }

    /**
     * Loads a cached index or computes and stores it.
     *
     * @param split the split whose training inputs define the similarity
     * @param method ItemCF or ItemCF-IUF
     * @param topK neighbours per item
     * @param seed seeds the fallback neighbours
     * @return the index
     */
    public ItemSimilarityIndex loadOrCompute(LeaveOneOutSplit split, SimilarityMethod method, int topK, long seed) {
        String key = split.dataset().fingerprint().substring(0, 16) + "-" + method.configName() + "-k" + topK
                + "-s" + seed + ".bin";
        Path file = directory.resolve(key);
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                return ItemSimilarityIndex.read(in);
            } catch (IOException e) {
                LOG.warn("ignoring unreadable similarity cache {}: {}", file, e.getMessage());
            }
        }
        List<int[]> histories = split.trainingInputs();
        ItemSimilarityIndex index = ItemSimilarityIndex.compute(histories, split.dataset().itemCount(), method, topK, seed);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, key, ".part");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
                    index.write(out);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            LOG.warn("could not cache similarity index in {}: {}", directory, e.getMessage());
        }
        return index;
    }
}
