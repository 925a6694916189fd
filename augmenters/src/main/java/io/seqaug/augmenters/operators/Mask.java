package io.seqaug.augmenters.operators;

import io.seqaug.api.Augmented;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

/**
 * {@code mask} (CoSeRec): replaces {@code max(1, floor(rate x n))} random positions with the
 * reserved mask item, the first id after the real items.
 */
public final class Mask implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "mask";
    }

    @Override
    public String description() {
        return "replace max(1, floor(rate x n)) random items with the reserved mask item";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        RateRange range = RateRange.from(settings);
        if (context.dims().extraItems() < 1) {
            throw new IllegalArgumentException("mask needs a reserved item id; the model reserves none");
        }
        int maskId = context.maskItemId();
        return (items, rng) -> {
            double rate = range.draw(rng);
            int[] out = items.clone();
            for (int p : RateRange.distinctPositions(items.length, RateRange.atLeastOne(rate, items.length), rng)) {
                out[p] = maskId;
            }
            return new Augmented(out, rate);
        };
    }
}
