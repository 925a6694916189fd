package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * What an {@link AugmenterProvider} may build its augmenter from: the other providers, by name,
 * plus the experiment's similarity and dimensions.
 */
public interface AugmenterContext extends OperatorFactory {

    /**
     * Builds the mixup strategy registered under a name.
     *
     * @param name the provider name, such as {@code item-wise}
     * @param config the strategy's settings
     * @return a new strategy
     * @throws IllegalArgumentException naming the available strategies when the name is unknown
     */
    MixupStrategy mixup(String name, Config config);

    /**
     * Builds the loss weighting registered under a name.
     *
     * @param name the provider name, such as {@code adaptive}
     * @param config the weighting's settings
     * @return a new weighting
     * @throws IllegalArgumentException naming the available weightings when the name is unknown
     */
    LossWeighting weighting(String name, Config config);
}
