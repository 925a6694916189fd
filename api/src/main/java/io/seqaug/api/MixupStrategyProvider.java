package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * Builds {@link MixupStrategy}s. Registered in
 * {@code META-INF/services/io.seqaug.api.MixupStrategyProvider}.
 */
public interface MixupStrategyProvider extends Provider {

    /**
     * Builds a strategy.
     *
     * @param config its settings; holds {@code beta}, the parameter of the symmetric Beta
     *     distribution of lambda
     * @return a new strategy
     */
    MixupStrategy create(Config config);
}
