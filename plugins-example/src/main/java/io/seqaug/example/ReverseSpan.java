package io.seqaug.example;

import io.seqaug.api.Augmented;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

/**
 * An example third-party operator, {@code reverse-span}: reverses one random contiguous span of
 * {@code max(2, floor(rate x n))} items (sequences of one item stay as they are).
 */
public final class ReverseSpan implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "reverse-span";
    }

    @Override
    public String description() {
        return "example plugin: reverse a random span of floor(rate x n) items";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        double min = settings.number("rate-min", 0, 1);
        double max = settings.number("rate-max", min, 1);
        return (items, rng) -> {
            double rate = min + (max - min) * rng.nextDouble();
            int[] out = items.clone();
            int span = Math.min(items.length, Math.max(2, (int) Math.floor(rate * items.length)));
            if (span >= 2) {
                int start = rng.nextInt(items.length - span + 1);
                for (int i = 0; i < span / 2; i++) {
                    int t = out[start + i];
                    out[start + i] = out[start + span - 1 - i];
                    out[start + span - 1 - i] = t;
                }
            }
            return new Augmented(out, rate);
        };
    }
}
