package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.runtime.plugins.ProviderRegistry;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What augmenter and operator providers receive: the other providers by name, each with its own
 * settings ({@code seqaug.<kind>.<name>}) under the keys its parent sets, and the similarity index,
 * computed on first use only.
 */
final class ExperimentContext implements AugmenterContext {

    private final ProviderRegistry registry;
    private final Config root;
    private final ModelDims dims;
    private final Supplier<ItemSimilarity> similarity;
    private ItemSimilarity computed;

    ExperimentContext(ProviderRegistry registry, Config root, ModelDims dims, Supplier<ItemSimilarity> similarity) {
        this.registry = registry;
        this.root = root;
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
    public SequenceOperator operator(String name, Map<String, ?> overrides) {
        return registry.operator(name).create(ProviderSettings.nested(root, "operators", name, overrides), this);
    }

    @Override
    public MixupStrategy mixup(String name, Map<String, ?> overrides) {
        return registry.mixup(name).create(ProviderSettings.nested(root, "mixups", name, overrides));
    }

    @Override
    public LossWeighting weighting(String name, Map<String, ?> overrides) {
        return registry.weighting(name).create(ProviderSettings.nested(root, "weightings", name, overrides));
    }
}
