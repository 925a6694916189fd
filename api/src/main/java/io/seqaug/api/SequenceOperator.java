package io.seqaug.api;

import java.util.random.RandomGenerator;

/**
 * A data augmentation operator on one item sequence (reorder, substitute, crop, ...).
 *
 * <p>Operators run on the data-loading thread, work on primitive arrays, never modify their input
 * and never produce the padding id 0. Randomness comes only from the generator passed in, so a run
 * is reproducible under a seed.
 */
public interface SequenceOperator {

    /**
     * Augments one sequence, drawing the rate from the operator's configured range.
     *
     * @param items item ids, oldest first, at least one item; not modified
     * @param rng the caller's seeded generator
     * @return the augmented sequence with the rate used
     */
    Augmented apply(int[] items, RandomGenerator rng);
}
