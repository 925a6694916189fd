package io.seqaug.augmenters.weighting;

import com.typesafe.config.Config;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.LossWeightingProvider;

/** {@code uniform}: every augmented sequence has weight 1 (the ablation without adaptive weighting). */
public final class UniformWeighting implements LossWeightingProvider {

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "weight 1 for every augmented sequence";
    }

    @Override
    public LossWeighting create(Config config) {
        return (rates, lambdas) -> rates.onesLike();
    }
}
