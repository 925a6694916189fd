package io.seqaug.runtime.plugins;

import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.BackboneProvider;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.Provider;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.List;

/**
 * The kinds of providers SeqAug discovers, with the words used for them in messages and listings.
 *
 * @param type the SPI
 * @param label a short human name
 * @param <T> the SPI type
 */
public record ProviderKind<T extends Provider>(Class<T> type, String label) {

    /** Backbones. */
    public static final ProviderKind<BackboneProvider> BACKBONE = new ProviderKind<>(BackboneProvider.class, "backbone");
    /** Sequence operators. */
    public static final ProviderKind<SequenceOperatorProvider> OPERATOR =
            new ProviderKind<>(SequenceOperatorProvider.class, "operator");
    /** Mixup strategies. */
    public static final ProviderKind<MixupStrategyProvider> MIXUP = new ProviderKind<>(MixupStrategyProvider.class, "mixup");
    /** Loss weightings. */
    public static final ProviderKind<LossWeightingProvider> WEIGHTING =
            new ProviderKind<>(LossWeightingProvider.class, "loss-weighting");
    /** Augmenters. */
    public static final ProviderKind<AugmenterProvider> AUGMENTER = new ProviderKind<>(AugmenterProvider.class, "augmenter");

    /** Every kind, in listing order. */
    public static final List<ProviderKind<?>> ALL = List.of(BACKBONE, AUGMENTER, OPERATOR, MIXUP, WEIGHTING);
}
