package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.plugins.ProviderRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What augmenter and operator providers receive: the other providers by name, each with its own
 * settings ({@code seqaug.<kind>.<name>}) under the keys its parent sets, and the similarity index,
 * computed on first use only.
 */
final class ExperimentContext implements AugmenterContext {

    private final ProviderRegistry registry;
    private final String owner;
    private final Map<ClassLoader, Config> references = new HashMap<>();
    private final Config root;
    private final ModelDims dims;
    private final Supplier<ItemSimilarity> similarity;
    private ItemSimilarity computed;

    ExperimentContext(ProviderRegistry registry, String owner, Config root, ModelDims dims,
            Supplier<ItemSimilarity> similarity) {
        this.registry = registry;
        this.owner = owner;
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
        var provider = registry.operator(name);
        requireNotShadowed("operators", name, overrides, provider);
        return provider.create(ProviderSettings.nested(root, "operators", name, overrides), this);
    }

    @Override
    public MixupStrategy mixup(String name, Map<String, ?> overrides) {
        var provider = registry.mixup(name);
        requireNotShadowed("mixups", name, overrides, provider);
        return provider.create(ProviderSettings.nested(root, "mixups", name, overrides));
    }

    @Override
    public LossWeighting weighting(String name, Map<String, ?> overrides) {
        var provider = registry.weighting(name);
        requireNotShadowed("weightings", name, overrides, provider);
        return provider.create(ProviderSettings.nested(root, "weightings", name, overrides));
    }

    /**
     * A component's key that the user changed from its default, and that the augmenter building the
     * component then sets to another value, would be accepted without effect: refused, naming both.
     * A key left at its default (as every key of a run's {@code config.conf} looks) passes.
     */
    private void requireNotShadowed(String kind, String name, Map<String, ?> overrides, Object provider) {
        Config reference = references.computeIfAbsent(provider.getClass().getClassLoader(), ConfigFactory::defaultReference);
        for (Map.Entry<String, ?> set : overrides.entrySet()) {
            String path = kind + "." + ConfigUtil.joinPath(name, set.getKey());
            if (!root.hasPath(path)) {
                continue;
            }
            ConfigValue user = root.getValue(path);
            String full = ConfigLoader.ROOT + "." + path;
            boolean changed = !reference.hasPath(full) || !same(reference.getValue(full).unwrapped(), user.unwrapped());
            if (changed && !same(user.unwrapped(), set.getValue())) {
                throw new ConfigError(full + " = " + user.render(ConfigRenderOptions.concise()) + " ("
                        + user.origin().description() + ") has no effect: augmenter " + owner + " builds " + name + " with "
                        + set.getKey() + " = " + set.getValue() + " itself; change seqaug.augmenter." + owner
                        + " instead, or drop the key");
            }
        }
    }

    /** Equal values, numbers compared by value ({@code 1} equals {@code 1.0}). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return java.util.Objects.equals(a, b);
    }
}
