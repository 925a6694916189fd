package io.seqaug.datasets;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Draws negative items uniformly from the items a user never interacted with (over the user's
 * whole sequence, as the published code does).
 */
public final class NegativeSampler {

    private final int itemCount;
    private final int[][] interacted;

    /**
     * Creates a sampler.
     *
     * @param dataset the users' sequences; ids run from 1 to {@code itemCount}
     */
    public NegativeSampler(SequenceDataset dataset) {
        this.itemCount = dataset.itemCount();
        int[][] sequences = dataset.sequences();
        this.interacted = new int[sequences.length][];
        for (int u = 0; u < sequences.length; u++) {
            interacted[u] = Arrays.stream(sequences[u]).distinct().sorted().toArray();
            if (interacted[u].length >= itemCount) {
                throw new DatasetException(dataset.name() + ": user " + dataset.userIds()[u]
                        + " interacted with every item, so no negative can be sampled");
            }
        }
    }

    /**
     * Draws one negative.
     *
     * @param user the user index
     * @param rng the caller's seeded generator
     * @return an item id in {@code 1..itemCount} the user never interacted with
     */
    public int sample(int user, RandomGenerator rng) {
        int[] seen = interacted[user];
        while (true) {
            int candidate = 1 + rng.nextInt(itemCount);
            if (Arrays.binarySearch(seen, candidate) < 0) {
                return candidate;
            }
        }
    }

    /**
     * Whether a user interacted with an item.
     *
     * @param user the user index
     * @param item an item id
     * @return true if the item is in the user's sequence
     */
    public boolean interacted(int user, int item) {
        return Arrays.binarySearch(interacted[user], item) >= 0;
    }
}
