package io.seqaug.augmenters;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ItemSimilarity;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.LossWeightingProvider;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.MixupStrategyProvider;
import io.seqaug.api.ModelDims;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;

import java.util.ServiceLoader;

/** An AugmenterContext over this module's providers (found by ServiceLoader) and a given similarity. */
final class TestContext implements AugmenterContext {

    private final ModelDims dims;
    private final ItemSimilarity similarity;

    TestContext(ModelDims dims, ItemSimilarity similarity) {
        this.dims = dims;
        this.similarity = similarity;
    }

    /** Item i's most similar item is i + 1 (wrapping), its only neighbour. */
    static ItemSimilarity successorSimilarity(int itemCount) {
        return item -> new int[] {item % itemCount + 1};
    }

    private static <T extends io.seqaug.api.Provider> T find(Class<T> type, String name) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + name));
    }

    @Override
    public ItemSimilarity similarity() {
        return similarity;
    }

    @Override
    public ModelDims dims() {
        return dims;
    }

    @Override
    public SequenceOperator operator(String name, Config config) {
        Config defaults = ConfigFactory.parseString("choices = [reorder, substitute]");
        return find(SequenceOperatorProvider.class, name).create(config.withFallback(defaults), this);
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
