package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * An {@link OperatorContext} that can also build other operators by name, so that composite
 * operators (such as {@code random}) can be written against the SPI alone.
 */
public interface OperatorFactory extends OperatorContext {

    /**
     * Builds the operator registered under a name.
     *
     * @param name the provider name
     * @param config the settings for that operator
     * @return a new operator
     * @throws IllegalArgumentException naming the available operators when the name is unknown
     */
    SequenceOperator operator(String name, Config config);
}
