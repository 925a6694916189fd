package io.seqaug.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.Provider;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * An {@link AugmenterContext} over the providers on the test classpath (found with
 * {@link ServiceLoader}, as the host finds them in jars) and a simple similarity: item i's only
 * neighbour is item i + 1. {@link PluginTestKit} builds its augmenters with it; a test that creates
 * an augmenter, operator or mixup by hand can too.
 */
public final class KitContext implements AugmenterContext {

    private final ModelDims dims;

    /**
     * A context for models of the given sizes.
     *
     * @param dims the model sizes operators see
     */
    public KitContext(ModelDims dims) {
        this.dims = dims;
    }

    static <T extends Provider> T find(Class<T> type, String name) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " named '" + name
                        + "' on the test classpath (is its jar or module a test dependency?)"));
    }

    @Override
    public ItemSimilarity similarity() {
        int items = dims.itemCount();
        return item -> new int[] {item % items + 1};
    }

    @Override
    public ModelDims dims() {
        return dims;
    }

    /**
     * The {@code seqaug} settings that nested components read: the host's reference.conf merged with
     * every reference.conf on the test classpath (a plugin's own included), as the host merges them.
     */
    static Config root() {
        Config reference = ConfigFactory.defaultReference();
        Config root = reference.hasPath("seqaug") ? reference.getConfig("seqaug") : ConfigFactory.empty();
        // Without the host's reference.conf, random still needs its choices.
        return root.withFallback(ConfigFactory.parseString("operators.random.choices = [reorder, substitute]"));
    }

    /** An augmenter's settings: the given HOCON over {@code seqaug.augmenter.<name>} of the reference.conf files. */
    static ProviderSettings augmenterSettings(String name, String hocon) {
        String path = "augmenter." + ConfigUtil.joinPath(name);
        Config defaults = root().hasPath(path) ? root().getConfig(path) : ConfigFactory.empty();
        return new ProviderSettings(ConfigFactory.parseString(hocon).withFallback(defaults), "seqaug." + path);
    }

    @Override
    public SequenceOperator operator(String name, Map<String, ?> overrides) {
        return find(SequenceOperatorProvider.class, name).create(ProviderSettings.nested(root(), "operators", name, overrides), this);
    }

    @Override
    public MixupStrategy mixup(String name, Map<String, ?> overrides) {
        return find(MixupStrategyProvider.class, name).create(ProviderSettings.nested(root(), "mixups", name, overrides));
    }

    @Override
    public LossWeighting weighting(String name, Map<String, ?> overrides) {
        return find(LossWeightingProvider.class, name).create(ProviderSettings.nested(root(), "weightings", name, overrides));
    }
}
