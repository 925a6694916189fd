package io.seqaug.api;

import java.util.Map;

/**
 * What an {@link AugmenterProvider} may build its augmenter from: the other providers, by name,
 * plus the experiment's similarity and dimensions.
 */
public interface AugmenterContext extends OperatorFactory {

    /**
     * Builds the mixup strategy registered under a name.
     *
     * @param name the provider name, such as {@code item-wise}
     * @param overrides keys set by the caller over {@code seqaug.mixups.<name>}, such as {@code beta}
     * @return a new strategy
     * @throws IllegalArgumentException naming the available strategies when the name is unknown
     */
    MixupStrategy mixup(String name, Map<String, ?> overrides);

    /**
     * Builds the loss weighting registered under a name.
     *
     * @param name the provider name, such as {@code adaptive}
     * @param overrides keys set by the caller over {@code seqaug.weightings.<name>}
     * @return a new weighting
     * @throws IllegalArgumentException naming the available weightings when the name is unknown
     */
    LossWeighting weighting(String name, Map<String, ?> overrides);
}
