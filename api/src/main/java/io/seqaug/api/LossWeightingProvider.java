package io.seqaug.api;

/**
 * Builds {@link LossWeighting}s. Registered in
 * {@code META-INF/services/io.seqaug.api.LossWeightingProvider}.
 */
public interface LossWeightingProvider extends Provider {

    /**
     * Builds a weighting.
     *
     * @param settings its settings ({@code seqaug.weightings.<name>} under the keys its parent sets)
     * @return a new weighting
     */
    LossWeighting create(ProviderSettings settings);
}
