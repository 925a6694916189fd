package io.seqaug.augmenters.operators;

import io.seqaug.api.OperatorFactory;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.List;
import java.util.Map;

/**
 * {@code random}: applies one operator picked uniformly per call from {@code choices}; each picked
 * operator is built with its own settings and this one's rate range.
 */
public final class RandomChoice implements SequenceOperatorProvider {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "apply one of the configured operators (choices), picked uniformly per call";
    }

    @Override
    public SequenceOperator create(ProviderSettings settings, OperatorFactory context) {
        List<String> choices = settings.strings("choices");
        if (choices.isEmpty()) {
            throw settings.invalid("choices", "must name at least one operator");
        }
        if (choices.contains(name())) {
            throw settings.invalid("choices", "cannot contain random itself");
        }
        RateRange range = RateRange.from(settings);
        Map<String, Double> rates = Map.of("rate-min", range.min(), "rate-max", range.max());
        SequenceOperator[] operators = choices.stream().map(c -> context.operator(c, rates))
                .toArray(SequenceOperator[]::new);
        return (items, rng) -> operators[rng.nextInt(operators.length)].apply(items, rng);
    }
}
