package io.seqaug.augmenters.operators;

import io.seqaug.api.Augmented;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.random.RandomGenerator;

/**
 * {@code substitute}: replaces {@code max(1, floor(rate x n))} random positions with each item's most
 * similar item under the injected similarity.
 */
public final class Substitute implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "substitute";
    }

    @Override
    public String description() {
        return "replace max(1, floor(rate x n)) random items with their most similar item";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        RateRange range = RateRange.from(settings);
        ItemSimilarity similarity = context.similarity();
        return (items, rng) -> apply(items, range.draw(rng), similarity, rng);
    }

    static Augmented apply(int[] items, double rate, ItemSimilarity similarity, RandomGenerator rng) {
        int[] out = items.clone();
        for (int p : RateRange.distinctPositions(items.length, RateRange.atLeastOne(rate, items.length), rng)) {
            out[p] = similarity.mostSimilar(items[p]);
        }
        return new Augmented(out, rate);
    }
}
