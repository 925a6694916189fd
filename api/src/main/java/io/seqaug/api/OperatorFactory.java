package io.seqaug.api;

import java.util.Map;

/**
 * An {@link OperatorContext} that can also build other operators by name, so that composite
 * operators (such as {@code random}) can be written against the SPI alone.
 */
public interface OperatorFactory extends OperatorContext {

    /**
     * Builds the operator registered under a name.
     *
     * @param name the provider name
     * @param overrides keys set by the caller over {@code seqaug.operators.<name>}, for example
     *     {@code Map.of("rate-min", 0.2, "rate-max", 0.5)}; {@code Map.of()} for none
     * @return a new operator
     * @throws IllegalArgumentException naming the available operators when the name is unknown
     */
    SequenceOperator operator(String name, Map<String, ?> overrides);
}
