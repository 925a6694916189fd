package io.seqaug.augmenters.mixup;

import com.typesafe.config.Config;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;

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
    public MixupStrategy create(Config config) {
        return new BetaMixup(BetaMixup.Granularity.SEQUENCE, config.getDouble("beta"));
    }
}
