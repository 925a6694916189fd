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
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

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

    /** The host's operator defaults when its reference.conf is on the classpath, else BASRec's choice for random. */
    static Config operatorDefaults(String name) {
        Config reference = ConfigFactory.defaultReference();
        String path = "seqaug.operators." + ConfigUtil.quoteString(name);
        if (reference.hasPath(path)) {
            return reference.getConfig(path);
        }
        return name.equals("random") ? ConfigFactory.parseString("choices = [reorder, substitute]") : ConfigFactory.empty();
    }

    @Override
    public SequenceOperator operator(String name, Config config) {
        return find(SequenceOperatorProvider.class, name).create(config.withFallback(operatorDefaults(name)), this);
    }

    @Override
    public MixupStrategy mixup(String name, Config config) {
        return find(MixupStrategyProvider.class, name).create(config);
    }

    @Override
    public LossWeighting weighting(String name, Config config) {
        return find(LossWeightingProvider.class, name).create(config);
    }
}
