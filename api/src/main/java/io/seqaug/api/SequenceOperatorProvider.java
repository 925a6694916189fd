package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * Builds {@link SequenceOperator}s. Registered in
 * {@code META-INF/services/io.seqaug.api.SequenceOperatorProvider}.
 */
public interface SequenceOperatorProvider extends Provider {

    /**
     * Builds an operator.
     *
     * @param config the operator's settings; always holds {@code rate-min} and {@code rate-max}
     * @param context similarity, dimensions and other operators, injected by the host
     * @return a new operator
     */
    SequenceOperator create(Config config, OperatorFactory context);
}
