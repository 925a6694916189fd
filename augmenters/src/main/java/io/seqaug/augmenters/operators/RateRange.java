package io.seqaug.augmenters.operators;

import io.seqaug.api.ProviderSettings;

import java.util.random.RandomGenerator;

/**
 * The range an operator draws its rate from, uniformly per call.
 *
 * @param min the smallest rate
 * @param max the largest rate
 */
public record RateRange(double min, double max) {

    /** Checks {@code 0 <= min <= max <= 1}. */
    public RateRange {
        if (!(min >= 0 && min <= max && max <= 1)) {
            throw new IllegalArgumentException("rate range must satisfy 0 <= rate-min <= rate-max <= 1, got "
                    + min + ".." + max);
        }
    }

    /**
     * Reads {@code rate-min} and {@code rate-max}.
     *
     * @param settings the operator's settings
     * @return the range
     * @throws IllegalArgumentException naming the key when a rate is outside [0, 1] or min exceeds max
     */
    public static RateRange from(ProviderSettings settings) {
        double min = settings.number("rate-min", 0, 1);
        double max = settings.number("rate-max", 0, 1);
        if (min > max) {
            throw settings.invalid("rate-min", "must not exceed rate-max (" + max + "), got " + min);
        }
        return new RateRange(min, max);
    }

    /**
     * Draws a rate.
     *
     * @param rng the generator
     * @return a rate in {@code [min, max]}
     */
    public double draw(RandomGenerator rng) {
        return max == min ? min : min + (max - min) * rng.nextDouble();
    }

    /**
     * How many positions a rate touches in a sequence of length n: {@code max(1, floor(rate x n))}.
     *
     * @param rate the rate
     * @param n the sequence length
     * @return a count in {@code 1..n}
     */
    public static int atLeastOne(double rate, int n) {
        return Math.min(n, Math.max(1, (int) Math.floor(rate * n)));
    }

    /**
     * Picks {@code k} distinct positions of {@code 0..n-1}.
     *
     * @param n the length
     * @param k how many, at most n
     * @param rng the generator
     * @return the positions, in increasing order
     */
    public static int[] distinctPositions(int n, int k, RandomGenerator rng) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, k);
        java.util.Arrays.sort(chosen);
        return chosen;
    }
}
