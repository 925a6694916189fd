package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.api.SequenceOperator;
import io.seqaug.runtime.plugins.ProviderRegistry;

import java.util.function.Supplier;

/**
 * What augmenter and operator providers receive: the other providers by name, with the defaults of
 * {@code seqaug.operators.<name>} under the caller's settings, and the similarity index, computed
 * on first use only.
 */
final class ExperimentContext implements AugmenterContext {

    private final ProviderRegistry registry;
    private final Config operatorDefaults;
    private final ModelDims dims;
    private final Supplier<ItemSimilarity> similarity;
    private ItemSimilarity computed;

    ExperimentContext(ProviderRegistry registry, Config operatorDefaults, ModelDims dims, Supplier<ItemSimilarity> similarity) {
        this.registry = registry;
        this.operatorDefaults = operatorDefaults;
        this.dims = dims;
        this.similarity = similarity;
    }

    @Override
    public synchronized ItemSimilarity similarity() {
        if (computed == null) {
            computed = similarity.get();
        }
        return computed;
    }

    @Override
    public ModelDims dims() {
        return dims;
    }

    @Override
    public SequenceOperator operator(String name, Config config) {
        Config merged = operatorDefaults.hasPath(quoted(name))
                ? config.withFallback(operatorDefaults.getConfig(quoted(name))) : config;
        return registry.operator(name).create(merged, this);
    }

    @Override
    public MixupStrategy mixup(String name, Config config) {
        return registry.mixup(name).create(config);
    }

    @Override
    public LossWeighting weighting(String name, Config config) {
        return registry.weighting(name).create(config);
    }

    private static String quoted(String name) {
        return com.typesafe.config.ConfigUtil.joinPath(name);
    }
}
