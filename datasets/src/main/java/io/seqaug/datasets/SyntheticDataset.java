package io.seqaug.datasets;

import java.util.SplittableRandom;

/**
 * Generates sequences with planted item-to-item transitions: every item has one successor, and
 * each next item of a user is that successor with probability {@code 1 - noise}, otherwise a
 * uniformly random item. A model that learns the transitions can predict held-out items well, which
 * makes the data useful for overfitting tests and smoke runs.
 */
public final class SyntheticDataset {

    private SyntheticDataset() {}

    /**
     * Generates a dataset.
     *
     * @param users number of users
     * @param items number of items
     * @param minLength shortest sequence (at least 3)
     * @param maxLength longest sequence
     * @param noise probability of a random next item instead of the planted successor
     * @param seed the seed
     * @return the dataset, named {@code synthetic}
     */
    public static SequenceDataset generate(int users, int items, int minLength, int maxLength, double noise, long seed) {
        if (users < 1 || items < 2 || minLength < 3 || maxLength < minLength || noise < 0 || noise > 1) {
            throw new IllegalArgumentException("need users >= 1, items >= 2, 3 <= minLength <= maxLength, noise in [0, 1]");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] successor = new int[items + 1];
        int[] permutation = new int[items];
        for (int i = 0; i < items; i++) {
            permutation[i] = i + 1;
        }
        for (int i = items - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = t;
        }
        // One big cycle through all items, so no item is its own successor.
        for (int i = 0; i < items; i++) {
            successor[permutation[i]] = permutation[(i + 1) % items];
        }
        int[] userIds = new int[users];
        int[][] sequences = new int[users][];
        for (int u = 0; u < users; u++) {
            userIds[u] = u + 1;
            int length = minLength + rng.nextInt(maxLength - minLength + 1);
            int[] s = new int[length];
            s[0] = 1 + rng.nextInt(items);
            for (int t = 1; t < length; t++) {
                s[t] = rng.nextDouble() < noise ? 1 + rng.nextInt(items) : successor[s[t - 1]];
            }
            sequences[u] = s;
        }
        return new SequenceDataset("synthetic", userIds, sequences, items);
    }
}
