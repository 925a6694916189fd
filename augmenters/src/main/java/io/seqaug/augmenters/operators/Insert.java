package io.seqaug.augmenters.operators;

import io.seqaug.api.Augmented;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.Arrays;

/**
 * {@code insert} (CoSeRec): before each of {@code max(1, floor(rate x n))} random positions, inserts
 * the most similar item of the item there; keeps the most recent {@code max-length} items.
 */
public final class Insert implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "insert";
    }

    @Override
    public String description() {
        return "insert the most similar item next to max(1, floor(rate x n)) random items";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        RateRange range = RateRange.from(settings);
        ItemSimilarity similarity = context.similarity();
        int maxLength = context.dims().maxLength();
        return (items, rng) -> {
            double rate = range.draw(rng);
            int[] positions = RateRange.distinctPositions(items.length, RateRange.atLeastOne(rate, items.length), rng);
            int[] out = new int[items.length + positions.length];
            int next = 0;
            int o = 0;
            for (int i = 0; i < items.length; i++) {
                if (next < positions.length && positions[next] == i) {
                    out[o++] = similarity.mostSimilar(items[i]);
                    next++;
                }
                out[o++] = items[i];
            }
            int[] kept = out.length > maxLength ? Arrays.copyOfRange(out, out.length - maxLength, out.length) : out;
            return new Augmented(kept, rate);
        };
    }
}
