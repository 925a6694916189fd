package io.seqaug.augmenters.operators;

import io.seqaug.api.Augmented;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.random.RandomGenerator;

/**
 * {@code reorder}: shuffles one random contiguous span of length {@code floor(rate x n)}. As in the
 * CoSeRec and BASRec code, the span starts at most at {@code n - span - 1}, so it never covers the
 * most recent item (a span of the whole sequence, rate 1, starts at 0).
 */
public final class Reorder implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "reorder";
    }

    @Override
    public String description() {
        return "shuffle a random contiguous span of floor(rate x n) items";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        RateRange range = RateRange.from(settings);
        return (items, rng) -> apply(items, range.draw(rng), rng);
    }

    /**
     * Reorders with a given rate.
     *
     * @param items the sequence (not modified)
     * @param rate the rate
     * @param rng the generator
     * @return the reordered copy
     */
    static Augmented apply(int[] items, double rate, RandomGenerator rng) {
        int[] out = items.clone();
        int span = (int) Math.floor(rate * items.length);
        if (span >= 2) {
            int start = span < items.length ? rng.nextInt(items.length - span) : 0;
            for (int i = span - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = out[start + i];
                out[start + i] = out[start + j];
                out[start + j] = t;
            }
        }
        return new Augmented(out, rate);
    }
}
