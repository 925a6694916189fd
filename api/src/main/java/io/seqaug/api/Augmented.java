package io.seqaug.api;

/**
 * The result of one augmentation operator call.
 *
 * @param items the augmented item ids, oldest first, never containing the padding id 0
 * @param rate the augmentation rate that was used (the fraction of the sequence touched)
 */
public record Augmented(int[] items, double rate) {

    /** Rejects empty sequences and rates outside [0, 1]. */
    public Augmented {
        if (items == null || items.length == 0) {
            throw new IllegalArgumentException("an augmented sequence must hold at least one item");
        }
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
    }
}
