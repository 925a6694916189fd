package io.seqaug.api;

/**
 * Builds {@link SequenceOperator}s. Registered in
 * {@code META-INF/services/io.seqaug.api.SequenceOperatorProvider}.
 */
public interface SequenceOperatorProvider extends Provider {

    /**
     * Builds an operator.
     *
     * @param settings the operator's settings: {@code seqaug.operators.<name>} under the keys its parent
     *     sets (augmenters set {@code rate-min} and {@code rate-max})
     * @param context similarity, dimensions and other operators, injected by the host
     * @return a new operator
     */
    SequenceOperator create(ProviderSettings settings, OperatorFactory context);
}
