package io.seqaug.api;

/**
 * Builds {@link Augmenter}s. Registered in
 * {@code META-INF/services/io.seqaug.api.AugmenterProvider}.
 */
public interface AugmenterProvider extends Provider {

    /**
     * Builds an augmenter.
     *
     * @param settings this augmenter's settings ({@code seqaug.augmenter.<name>})
     * @param context the other providers and the experiment's shared pieces
     * @return a new augmenter
     */
    Augmenter create(ProviderSettings settings, AugmenterContext context);
}
