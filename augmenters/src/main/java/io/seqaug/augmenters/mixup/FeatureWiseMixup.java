package io.seqaug.augmenters.mixup;

import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.ProviderSettings;

/** {@code feature-wise}: one lambda per sequence and hidden feature, [B, 1, H]; lambda ~ Beta(beta, beta). */
public final class FeatureWiseMixup implements MixupStrategyProvider {

    @Override
    public String name() {
        return "feature-wise";
    }

    @Override
    public String description() {
        return "one lambda per sequence and hidden feature, [B, 1, H]";
    }

    @Override
    public MixupStrategy create(ProviderSettings settings) {
        return new BetaMixup(BetaMixup.Granularity.FEATURE, settings.number("beta", 1e-6, 1e6));
    }
}
