package io.seqaug.augmenters.mixup;

import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.ProviderSettings;

/** {@code sequence-wise}: one lambda per sequence (linear mixup), [B, 1, 1]; lambda ~ Beta(beta, beta). */
public final class SequenceWiseMixup implements MixupStrategyProvider {

    @Override
    public String name() {
        return "sequence-wise";
    }

    @Override
    public String description() {
        return "one lambda per sequence (linear mixup), [B, 1, 1]";
    }

    @Override
    public MixupStrategy create(ProviderSettings settings) {
        return new BetaMixup(BetaMixup.Granularity.SEQUENCE, settings.number("beta", 1e-6, 1e6));
    }
}
