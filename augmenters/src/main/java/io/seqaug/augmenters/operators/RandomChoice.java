package io.seqaug.augmenters.operators;

import com.typesafe.config.Config;
import io.seqaug.api.OperatorFactory;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.List;

/**
 * {@code random}: applies one operator picked uniformly per call from {@code choices}; each picked
 * operator is built with the same settings (rate range) as this one.
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
    public SequenceOperator create(Config config, OperatorFactory context) {
        List<String> choices = config.getStringList("choices");
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("random needs at least one operator in choices");
        }
        if (choices.contains(name())) {
            throw new IllegalArgumentException("random cannot choose itself");
        }
        SequenceOperator[] operators = choices.stream().map(c -> context.operator(c, config))
                .toArray(SequenceOperator[]::new);
        return (items, rng) -> operators[rng.nextInt(operators.length)].apply(items, rng);
    }
}
