package io.seqaug.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.api.SequenceOperator;
import io.seqaug.runtime.plugins.ProviderRegistry;

/** An AugmenterContext over the registry whose similarity maps item i to i + 1. */
final class TestAugmenterContext implements AugmenterContext {

    private final ProviderRegistry registry;
    private final ModelDims dims;

    TestAugmenterContext(ProviderRegistry registry, ModelDims dims) {
        this.registry = registry;
        this.dims = dims;
    }

    @Override
    public ItemSimilarity similarity() {
        return item -> new int[] {item % dims.itemCount() + 1};
    }

    @Override
    public ModelDims dims() {
        return dims;
    }

    @Override
    public SequenceOperator operator(String name, Config config) {
        return registry.operator(name).create(config.withFallback(ConfigFactory.parseString("choices = [reorder]")), this);
    }

    @Override
    public MixupStrategy mixup(String name, Config config) {
        return registry.mixup(name).create(config);
    }

    @Override
    public LossWeighting weighting(String name, Config config) {
        return registry.weighting(name).create(config);
    }
}
