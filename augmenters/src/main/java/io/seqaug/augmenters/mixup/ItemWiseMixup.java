package io.seqaug.augmenters.mixup;

import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.ProviderSettings;

/** {@code item-wise}: one lambda per sequence and position, [B, L, 1]; lambda ~ Beta(beta, beta). */
public final class ItemWiseMixup implements MixupStrategyProvider {

    @Override
    public String name() {
        return "item-wise";
    }

    @Override
    public String description() {
        return "one lambda per sequence and position, [B, L, 1]";
    }

    @Override
    public MixupStrategy create(ProviderSettings settings) {
        return new BetaMixup(BetaMixup.Granularity.ITEM, settings.number("beta", 1e-6, 1e6));
    }
}
