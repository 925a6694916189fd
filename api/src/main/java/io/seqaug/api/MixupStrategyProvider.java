package io.seqaug.api;

/**
 * Builds {@link MixupStrategy}s. Registered in
 * {@code META-INF/services/io.seqaug.api.MixupStrategyProvider}.
 */
public interface MixupStrategyProvider extends Provider {

    /**
     * Builds a strategy.
     *
     * @param settings its settings ({@code seqaug.mixups.<name>} under the keys its parent sets); they
     *     hold {@code beta}, the parameter of the symmetric Beta
     *     distribution of lambda
     * @return a new strategy
     */
    MixupStrategy create(ProviderSettings settings);
}
