package io.seqaug.datasets;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public datasets SeqAug knows by name: the preprocessed 5-core files used by S3Rec, CoSeRec,
 * ICLRec and BASRec, as published in the BASRec authors' repository.
 */
public final class DatasetRegistry {

    private static final String BASE = "https://raw.githubusercontent.com/KingGugu/BASRec/main/SASRec/data/";

    private final Map<String, PublicDataset> byName = new LinkedHashMap<>();

    /** Creates the registry of built-in datasets. */
    public DatasetRegistry() {
        add("beauty", "Beauty.txt", "226cce9c3105299ca0db9615d7d3fb32b3175e90da43100ae352599f0f0107b8",
                "Amazon Beauty, 5-core: 22,363 users, 12,101 items, 198,502 interactions");
        add("sports", "Sports_and_Outdoors.txt", "2a095e0648872beb9982408958290f5d655db5be2911c3756b5446de9f0b8de2",
                "Amazon Sports and Outdoors, 5-core");
        add("yelp", "Yelp.txt", "724b219106b81dd2349027da997334ddb6da9fe2f152ad6e0d97a93170f7caed",
                "Yelp, 5-core: 30,431 users, 20,033 items, 316,354 interactions");
        add("home", "Home.txt", "4e472251e8bcd204fc3421c51ab7d10611a69da8e7cf313c327e0cd003a5f0dd",
                "Amazon Home and Kitchen, 5-core");
    }

    private void add(String name, String file, String sha, String description) {
        byName.put(name, new PublicDataset(name, file, URI.create(BASE + file), Optional.ofNullable(sha),
                description));
    }

    /**
     * Every registered dataset, in a stable order.
     *
     * @return the datasets
     */
    public List<PublicDataset> all() {
        return List.copyOf(byName.values());
    }

    /**
     * Looks a dataset up by name.
     *
     * @param name a registered name
     * @return the dataset, if registered
     */
    public Optional<PublicDataset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Looks a dataset up by name or fails with the list of known names.
     *
     * @param name a registered name
     * @return the dataset
     * @throws DatasetException when the name is unknown
     */
    public PublicDataset get(String name) {
        return find(name).orElseThrow(() -> new DatasetException("unknown dataset '" + name
                + "'; known datasets: " + String.join(", ", byName.keySet())));
    }
}
