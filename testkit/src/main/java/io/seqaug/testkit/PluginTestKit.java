package io.seqaug.testkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.Backbone;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.SequenceOperatorProvider;
import io.seqaug.api.TrainingStage;
import io.seqaug.api.host.HostEpoch;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.api.host.TrainingStep;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.BatchLoader;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.datasets.TrainingExample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Contract checks for a plugin author's augmenter or operator, with no test framework of its own:
 * each check throws {@link AssertionError} naming what is broken. Add {@code seqaug-testkit} in test
 * scope and call it from a test:
 *
 * <pre>{@code
 * @Test
 * void honoursTheAugmenterContract() {
 *     PluginTestKit.checkAugmenter(new MyAugmenter(), "weight = 0.5, sigma = 0.1");
 * }
 * }</pre>
 *
 * An augmenter is created with the given settings over a tiny synthetic dataset and a real SASRec,
 * and trained for a few steps the way the host trains it, with garbage collection between the
 * forward and the backward pass. Checked: the declared number of views per example, loss terms that
 * are finite scalars with valid weights, gradients that reach the backbone's item table from the
 * augmenter's terms alone, identical losses for the same seed, and no arithmetic between an
 * {@code NDArray} and a Java number anywhere in the augmenter's jar or class folder (see
 * {@link NumberArithmetic}: such code corrupts the backward pass only when the collector happens to
 * run, so a few training steps cannot be relied on to show it).
 */
public final class PluginTestKit {

    /** The synthetic data every check uses: 60 users, 30 items, sequences of 4 to 12 items. */
    static final SequenceDataset DATA = SyntheticDataset.generate(60, 30, 4, 12, 0.2, 7);
    /** Model sizes: one reserved id after the items, hidden size 16, inputs of up to 10 items. */
    static final ModelDims DIMS = new ModelDims(DATA.itemCount(), 1, 16, 10);

    private PluginTestKit() {}

    /**
     * What a check measured.
     *
     * @param steps training steps run
     * @param losses each term's weighted value per step, by name
     */
    public record Report(int steps, Map<String, List<Float>> losses) {}

    /**
     * Checks an augmenter over {@code steps} training steps.
     *
     * @param provider the augmenter's provider
     * @param settings its settings (HOCON), over the defaults of its {@code reference.conf}
     * @param steps how many steps to train (at least 1)
     * @return the losses seen
     * @throws AssertionError on a broken contract
     */
    public static Report checkAugmenter(AugmenterProvider provider, String settings, int steps) {
        List<String> numbers = NumberArithmetic.usesIn(provider.getClass());
        require(numbers.isEmpty(), provider.name() + ": its code does arithmetic between an NDArray and a Java number ("
                + String.join("; ", numbers) + "), which can corrupt the backward pass once the garbage collector runs;"
                + " combine with Tensors.constant(x, value) instead");
        Report first = train(provider, settings, steps, 11);
        Report again = train(provider, settings, steps, 11);
        require(first.losses().equals(again.losses()), provider.name() + ": the same seed gave different losses: "
                + first.losses() + " then " + again.losses());
        return first;
    }

    /**
     * Checks an augmenter over 3 training steps.
     *
     * @param provider the augmenter's provider
     * @param settings its settings
     * @return the losses seen
     */
    public static Report checkAugmenter(AugmenterProvider provider, String settings) {
        return checkAugmenter(provider, settings, 3);
    }

    private static Report train(AugmenterProvider provider, String settings, int steps, long seed) {
        Augmenter augmenter = provider.create(KitContext.augmenterSettings(provider.name(), settings), new KitContext(DIMS));
        require(!augmenter.activeStages().isEmpty(), provider.name() + ": activeStages() is empty");
        require(augmenter.viewsPerExample() >= 0, provider.name() + ": viewsPerExample() is negative");
        LeaveOneOutSplit split = new LeaveOneOutSplit(DATA, DIMS.maxLength());
        List<TrainingExample> examples = split.nextItemExamples();
        augmenter.prepare(TrainingExample.inputs(examples), TrainingExample.lastTargets(examples));
        Map<String, List<Float>> losses = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) seed);
            Backbone backbone = new SasRecProvider().create(DIMS, new ProviderSettings(ConfigFactory.parseString(
                    "layers = 1, heads = 2, hidden-dropout = 0.1, attention-dropout = 0.1, last-position-layout = same, attention-layout = grouped,"
                    + " padding = zero"), "seqaug.backbone.sasrec"));
            backbone.initialize(manager);
            for (Parameter p : backbone.parameters()) {
                p.getArray().setRequiresGradient(true);
            }
            SplittableRandom rng = new SplittableRandom(seed);
            NegativeSampler sampler = new NegativeSampler(DATA);
            augmenter.startEpoch(new HostEpoch(TrainingStage.AUGMENTED, 0, seed, backbone, split.trainingInputs(), 16,
                    manager));
            for (int s = 0; s < steps; s++) {
                int from = (s * 16) % Math.max(1, examples.size() - 16);
                SequenceBatch batch;
                try {
                    batch = BatchLoader.assemble(examples.subList(from, from + 16),
                            new BatchLoader.Options(16, DIMS.maxLength(), false, 1, DIMS.tableRows() - 1), sampler, augmenter,
                            rng);
                } catch (IllegalStateException e) {
                    throw new AssertionError(provider.name() + ": " + e.getMessage(), e);
                }
                if (augmenter.viewsPerExample() > 0) {
                    require(batch.views() != null && batch.views().viewsPerExample() == augmenter.viewsPerExample(),
                            provider.name() + ": expected " + augmenter.viewsPerExample() + " views per example");
                }
                step(provider.name(), backbone, augmenter, batch, rng, manager, losses);
            }
        }
        return new Report(steps, losses);
    }

    private static void step(String name, Backbone backbone, Augmenter augmenter, SequenceBatch batch, SplittableRandom rng,
            NDManager root, Map<String, List<Float>> losses) {
        try (NDManager m = root.newSubManager()) {
            List<LossTerm> terms;
            List<NDArray> weighted;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                // The host's own step: the recommendation loss takes part in the graph, as in training,
                // but not in the backward pass: only the augmenter's terms must move the item table here.
                TrainingStep.Losses step;
                try {
                    step = new TrainingStep(backbone, NextItemLoss.bce()).forward(m, batch, augmenter, rng);
                } catch (IllegalStateException e) {
                    throw new AssertionError(name + ": " + e.getMessage(), e);
                }
                terms = step.terms();
                weighted = step.weighted();
                require(!terms.isEmpty(), name + ": losses() returned no terms");
                NDArray total = null;
                for (NDArray w : weighted) {
                    total = total == null ? w : total.add(w);
                }
                // Collect garbage between the forward and the backward pass, as a long run does.
                List<java.nio.ByteBuffer> churn = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    churn.add(java.nio.ByteBuffer.allocateDirect(64));
                }
                churn.clear();
                System.gc();
                try {
                    collector.backward(total);
                } catch (ai.djl.engine.EngineException e) {
                    throw new AssertionError(name + ": no gradient reached the backbone's item table from the augmenter's"
                            + " terms (" + e.getMessage() + ")", e);
                }
            }
            for (int i = 0; i < terms.size(); i++) {
                float value = weighted.get(i).getFloat();
                require(Float.isFinite(value), name + ": loss term '" + terms.get(i).name() + "' is " + value);
                losses.computeIfAbsent(terms.get(i).name(), k -> new ArrayList<>()).add(value);
            }
            NDArray gradient = backbone.itemTable().getGradient();
            float sum = gradient.abs().sum().getFloat();
            require(Float.isFinite(sum), name + ": the item table's gradient is not finite");
            require(sum > 0 || terms.stream().allMatch(t -> t.weight() == 0),
                    name + ": no gradient reached the backbone's item table from the augmenter's terms");
            for (Parameter p : backbone.parameters()) {
                NDArray g = p.getArray().getGradient();
                g.subi(g);
            }
        }
    }

    /**
     * Checks an operator on many random sequences: it returns a non-empty sequence of real item ids
     * (never the padding id 0), a rate in [0, 1], leaves its input unchanged, and gives the same
     * output for the same seed.
     *
     * @param provider the operator's provider
     * @param settings its settings (HOCON), over {@code seqaug.operators.<name>} of the reference.conf files
     * @throws AssertionError on a broken contract
     */
    public static void checkOperator(SequenceOperatorProvider provider, String settings) {
        KitContext context = new KitContext(DIMS);
        SequenceOperator operator = provider.create(ProviderSettings.nested(KitContext.root(), "operators", provider.name(),
                ConfigFactory.parseString(settings).root().unwrapped()), context);
        SplittableRandom data = new SplittableRandom(3);
        int maxId = DIMS.itemCount() + DIMS.extraItems();
        for (int trial = 0; trial < 500; trial++) {
            int[] items = new int[1 + data.nextInt(DIMS.maxLength())];
            for (int i = 0; i < items.length; i++) {
                items[i] = 1 + data.nextInt(DIMS.itemCount());
            }
            int[] before = items.clone();
            long seed = data.nextLong();
            Augmented out = operator.apply(items, new SplittableRandom(seed));
            String where = provider.name() + " on " + Arrays.toString(before);
            require(Arrays.equals(items, before), where + ": the input was modified");
            require(out.items().length > 0, where + ": returned an empty sequence");
            for (int id : out.items()) {
                require(id >= 1 && id <= maxId, where + ": returned item id " + id + " (ids are 1.." + maxId
                        + "; 0 is padding)");
            }
            require(out.rate() >= 0 && out.rate() <= 1, where + ": rate " + out.rate() + " is outside [0, 1]");
            Augmented again = operator.apply(items, new SplittableRandom(seed));
            require(Arrays.equals(out.items(), again.items()), where + ": the same seed gave different outputs");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
