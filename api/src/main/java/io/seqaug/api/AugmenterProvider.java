package io.seqaug.api;

import com.typesafe.config.Config;

/**
 * Builds {@link Augmenter}s. Registered in
 * {@code META-INF/services/io.seqaug.api.AugmenterProvider}.
 */
public interface AugmenterProvider extends Provider {

    /**
     * Builds an augmenter.
     *
     * @param config this augmenter's subtree ({@code seqaug.augmenter.<name>})
     * @param context the other providers and the experiment's shared pieces
     * @return a new augmenter
     */
    Augmenter create(Config config, AugmenterContext context);
}
