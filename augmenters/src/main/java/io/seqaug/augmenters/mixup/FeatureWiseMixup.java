package io.seqaug.augmenters.mixup;

import com.typesafe.config.Config;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;

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
    public MixupStrategy create(Config config) {
        return new BetaMixup(BetaMixup.Granularity.FEATURE, config.getDouble("beta"));
    }
}
