package io.seqaug.datasets;

import java.util.Locale;

/** How co-occurrences are counted in item-based collaborative filtering. */
public enum SimilarityMethod {
    /** Every co-occurrence within a user's items counts 1. */
    ITEMCF,
    /** Inverse user frequency: a co-occurrence in a user with many items counts 1 / log(1 + |items|). */
    ITEMCF_IUF;

    /**
     * The config spelling of this method.
     *
     * @return {@code itemcf} or {@code itemcf-iuf}
     */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses the config spelling.
     *
     * @param name {@code itemcf} or {@code itemcf-iuf}
     * @return the method
     * @throws IllegalArgumentException for other names
     */
    public static SimilarityMethod parse(String name) {
        for (SimilarityMethod m : values()) {
            if (m.configName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown similarity method '" + name + "'; use itemcf or itemcf-iuf");
    }
}
