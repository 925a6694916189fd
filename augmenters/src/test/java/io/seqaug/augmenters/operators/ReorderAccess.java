package io.seqaug.augmenters.operators;

import java.util.random.RandomGenerator;

/** Opens {@link Reorder}'s fixed-rate entry point to tests in other packages. */
public final class ReorderAccess {

    private ReorderAccess() {}

    /**
     * Reorders with a fixed rate.
     *
     * @param items the sequence
     * @param rate the rate
     * @param rng the generator
     * @return the reordered copy
     */
    public static int[] apply(int[] items, double rate, RandomGenerator rng) {
        return Reorder.apply(items, rate, rng).items();
    }
}
