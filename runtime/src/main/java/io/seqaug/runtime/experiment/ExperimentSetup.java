package io.seqaug.runtime.experiment;

import ai.djl.engine.Engine;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.datasets.ItemSimilarityIndex;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SimilarityCache;
import io.seqaug.datasets.SimilarityMethod;
import io.seqaug.datasets.TrainingExample;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.train.ExampleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * What every run builds the same way from its settings, whether it trains ({@link Experiment}) or
 * times ({@link Benchmark}): the data and its split, the model dimensions, the evaluator, the
 * augmenter context (with item similarity computed on first use), the backbone and the augmenter.
 */
final class ExperimentSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentSetup.class);

    private final Settings settings;
    private final ProviderRegistry registry;
    private final SequenceDataset dataset;
    private final LeaveOneOutSplit split;
    private final ModelDims dims;
    private final FullRankingEvaluator evaluator;
    private final ExperimentContext context;
    private double similaritySeconds;

    private ExperimentSetup(Settings settings, ProviderRegistry registry, SequenceDataset dataset, int maxLength,
            int hidden, SimilarityMethod method, int topK) {
        this.settings = settings;
        this.registry = registry;
        this.dataset = dataset;
        this.split = new LeaveOneOutSplit(dataset, maxLength);
        // One reserved id after the real items (the mask token), whatever the augmenter, so that
        // checkpoints are interchangeable between augmenters.
        this.dims = new ModelDims(dataset.itemCount(), 1, hidden, maxLength);
        this.evaluator = FullRankingEvaluator.from(settings);
        long seed = settings.longValue("seed");
        this.context = new ExperimentContext(registry, settings.string("augmenter.name"), settings.root(), dims, () -> {
            long t = System.nanoTime();
            ItemSimilarityIndex index = new SimilarityCache(DataLoading.cacheDir(settings).resolve("similarity"))
                    .loadOrCompute(split, method, topK, seed);
            similaritySeconds = (System.nanoTime() - t) / 1e9;
            LOG.info("item similarity ({}): {} s, {} item(s) without co-occurrence", method.configName(),
                    String.format(Locale.ROOT, "%.2f", similaritySeconds), index.fallbackCount());
            return index;
        });
    }

    /**
     * Checks the model, similarity and evaluation settings, then loads the data (the slow part last,
     * so that a typo fails fast).
     *
     * @param settings the validated settings
     * @param registry the providers
     * @return the setup
     */
    static ExperimentSetup load(Settings settings, ProviderRegistry registry) {
        int maxLength = settings.integer("model.max-length", 1, 10_000);
        int hidden = settings.integer("model.hidden-size", 1, 65_536);
        SimilarityMethod method;
        try {
            method = SimilarityMethod.parse(settings.string("similarity.method"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("seqaug.similarity.method: " + e.getMessage(), e);
        }
        int topK = settings.integer("similarity.top-k", 1, 1000);
        FullRankingEvaluator.from(settings); // its settings are checked before the data is read
        return new ExperimentSetup(settings, registry, DataLoading.load(settings, true), maxLength, hidden, method, topK);
    }

    /**
     * Builds the named backbone with the engine seeded from {@code seqaug.seed}, so that its
     * initialisation is reproducible. Not yet initialized.
     *
     * @param name the backbone provider name
     * @return the backbone
     * @throws ConfigError when the provider rejects its settings, naming its subtree
     */
    Backbone backbone(String name) {
        Engine.getInstance().setRandomSeed((int) settings.longValue("seed"));
        try {
            return registry.backbone(name).create(dims, settings.provider("backbone." + name));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new ConfigError(message.startsWith("seqaug.") ? message : "seqaug.backbone." + name + ": " + message, e);
        }
    }

    /**
     * Builds the named augmenter and lets it prepare from the training examples the backbone will
     * train on ({@code seqaug.train.examples}).
     *
     * @param name the augmenter provider name
     * @param backbone the backbone it will train with
     * @return the augmenter
     * @throws ConfigError when the provider rejects its settings, or the example set does not suit
     *     the backbone
     */
    Augmenter augmenter(String name, Backbone backbone) {
        Augmenter augmenter;
        try {
            augmenter = registry.augmenter(name).create(settings.provider("augmenter." + name), context);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        List<TrainingExample> examples = exampleSet(backbone).of(split, backbone);
        augmenter.prepare(TrainingExample.inputs(examples), TrainingExample.lastTargets(examples));
        return augmenter;
    }

    /**
     * The training examples' kind for a backbone, checked against it.
     *
     * @param backbone the backbone
     * @return the example set ({@code seqaug.train.examples})
     * @throws ConfigError when the backbone cannot train on it
     */
    ExampleSet exampleSet(Backbone backbone) {
        ExampleSet set = ExampleSet.from(settings);
        try {
            set.resolve(backbone);
        } catch (IllegalArgumentException e) {
            throw new ConfigError("seqaug.train.examples (" + settings.origin("train.examples") + ") " + e.getMessage(), e);
        }
        return set;
    }

    SequenceDataset dataset() {
        return dataset;
    }

    LeaveOneOutSplit split() {
        return split;
    }

    ModelDims dims() {
        return dims;
    }

    FullRankingEvaluator evaluator() {
        return evaluator;
    }

    ExperimentContext context() {
        return context;
    }

    /** Wall time of the similarity lookup or computation; 0 while no operator needed it. */
    double similaritySeconds() {
        return similaritySeconds;
    }
}
