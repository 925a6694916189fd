package io.seqaug.augmenters.operators;

import io.seqaug.api.Augmented;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.Arrays;

/**
 * {@code crop} (CoSeRec): keeps one random contiguous sub-sequence. The rate is the fraction
 * removed, so that a larger rate is always a stronger change: {@code n - floor(rate x n)} items are
 * kept, at least one.
 */
public final class Crop implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "crop";
    }

    @Override
    public String description() {
        return "keep a random contiguous sub-sequence, dropping floor(rate x n) items";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        RateRange range = RateRange.from(settings);
        return (items, rng) -> {
            double rate = range.draw(rng);
            int keep = Math.max(1, items.length - (int) Math.floor(rate * items.length));
            int start = rng.nextInt(items.length - keep + 1);
            return new Augmented(Arrays.copyOfRange(items, start, start + keep), rate);
        };
    }
}
