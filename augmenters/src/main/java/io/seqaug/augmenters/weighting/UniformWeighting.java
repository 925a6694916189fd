package io.seqaug.augmenters.weighting;

import io.seqaug.api.LossWeighting;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.ProviderSettings;

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
    public LossWeighting create(ProviderSettings settings) {
        return (rates, lambdas) -> rates.onesLike();
    }
}
