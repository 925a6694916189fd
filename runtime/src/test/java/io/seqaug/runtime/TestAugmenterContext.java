package io.seqaug.runtime;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.runtime.plugins.ProviderRegistry;

import java.util.Map;

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

    /** The reference settings, with random choosing reorder only. */
    private static final Config ROOT = ConfigFactory.parseString("operators.random.choices = [reorder]")
            .withFallback(ConfigFactory.defaultReference().getConfig("seqaug"));

    @Override
    public SequenceOperator operator(String name, Map<String, ?> overrides) {
        return registry.operator(name).create(ProviderSettings.nested(ROOT, "operators", name, overrides), this);
    }

    @Override
    public MixupStrategy mixup(String name, Map<String, ?> overrides) {
        return registry.mixup(name).create(ProviderSettings.nested(ROOT, "mixups", name, overrides));
    }

    @Override
    public LossWeighting weighting(String name, Map<String, ?> overrides) {
        return registry.weighting(name).create(ProviderSettings.nested(ROOT, "weightings", name, overrides));
    }
}
