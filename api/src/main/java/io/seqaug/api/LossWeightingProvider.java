package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * Builds {@link LossWeighting}s. Registered in
 * {@code META-INF/services/io.seqaug.api.LossWeightingProvider}.
 */
public interface LossWeightingProvider extends Provider {

    /**
     * Builds a weighting.
     *
     * @param config its settings (may be empty)
     * @return a new weighting
     */
    LossWeighting create(Config config);
}
