package io.seqaug.augmenters.mixup;

import com.typesafe.config.Config;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;

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
    public MixupStrategy create(Config config) {
        return new BetaMixup(BetaMixup.Granularity.ITEM, config.getDouble("beta"));
    }
}
