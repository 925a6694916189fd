package io.seqaug.api;

/**
 * The sizes every model of one experiment shares.
 *
 * @param itemCount number of real items; item ids run from 1 to {@code itemCount}, 0 is padding
 * @param extraItems ids reserved after the real items (for example a mask token), so that the
 *     embedding table has {@code itemCount + 1 + extraItems} rows
 * @param hiddenSize width of item embeddings and encoder outputs
 * @param maxLength the longest input sequence; longer histories keep their most recent items
 */
public record ModelDims(int itemCount, int extraItems, int hiddenSize, int maxLength) {

    /** Validates the sizes. */
    public ModelDims {
        if (itemCount < 1) {
            throw new IllegalArgumentException("itemCount must be >= 1, got " + itemCount);
        }
        if (extraItems < 0) {
            throw new IllegalArgumentException("extraItems must be >= 0, got " + extraItems);
        }
        if (hiddenSize < 1) {
            throw new IllegalArgumentException("hiddenSize must be >= 1, got " + hiddenSize);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
    }

    /**
     * Rows of the item embedding table: padding, real items and reserved extra ids.
     *
     * @return {@code itemCount + 1 + extraItems}
     */
    public int tableRows() {
        return itemCount + 1 + extraItems;
    }
}
