package io.seqaug.api;

/**
 * Item-to-item similarity computed on the training part of a dataset.
 *
 * <p>Operators such as substitute and insert receive it injected; they never compute it themselves.
 */
public interface ItemSimilarity {

    /**
     * The neighbours of an item, most similar first.
     *
     * @param item an item id in {@code 1..itemCount}
     * @return a non-empty array of item ids different from {@code item} where the catalog allows it
     */
    int[] neighbours(int item);

    /**
     * The single most similar item.
     *
     * @param item an item id in {@code 1..itemCount}
     * @return the first of {@link #neighbours(int)}
     */
    default int mostSimilar(int item) {
        return neighbours(item)[0];
    }
}
