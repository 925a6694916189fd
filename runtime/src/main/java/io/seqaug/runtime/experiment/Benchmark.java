package io.seqaug.runtime.experiment;

import ai.djl.ndarray.NDManager;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.TrainingStage;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.report.ProcessMemory;
import io.seqaug.runtime.train.EpochRecord;
import io.seqaug.runtime.train.StopSignal;
import io.seqaug.runtime.train.TrainOptions;
import io.seqaug.runtime.train.Trainer;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed and memory figures of the configured backbone on the configured dataset: plain training
 * epochs, stage-2 epochs with an augmenter, full-ranking evaluation of every user, and optionally
 * evaluation on a large synthetic catalog. No validation runs inside the timed epochs.
 */
public final class Benchmark {

    private final ProviderRegistry registry;

    /**
     * Created by Guice.
     *
     * @param registry the providers by name
     */
    @Inject
    public Benchmark(ProviderRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs the benchmark and prints its figures.
     *
     * @param settings the settings (dataset, backbone, batch size, augmenter settings)
     * @param epochs epochs of each kind of training
     * @param augmenterName the augmenter timed in stage 2
     * @param scaleItems catalog size of the scale check, 0 to skip it
     * @param scaleUsers users of the scale check
     * @param out where the figures go
     */
    public void run(Settings settings, int epochs, String augmenterName, int scaleItems, int scaleUsers, PrintStream out) {
        String backboneName = settings.string("model.backbone");
        ExperimentSetup setup = ExperimentSetup.load(settings, registry);
        SequenceDataset dataset = setup.dataset();
        Augmenter augmenter = setup.augmenter(augmenterName);
        // Timed apart from training, whether or not the augmenter needed it.
        setup.context().similarity();
        out.printf(Locale.ROOT, "dataset %s: %,d users, %,d items; backbone %s; %d threads; batch %d%n", dataset.name(),
                dataset.userCount(), dataset.itemCount(), backboneName, Runtime.getRuntime().availableProcessors(),
                settings.integer("train.batch-size", 1, 1 << 20));
        out.printf(Locale.ROOT, "item similarity (%s, cached after the first run): %.2f s%n",
                settings.string("similarity.method"), setup.similaritySeconds());
        Backbone backbone = setup.backbone(backboneName);
        TrainOptions options = TrainOptions.from(settings).withoutValidation();
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            List<EpochRecord> records = new ArrayList<>();
            Trainer trainer = new Trainer(options, backbone, setup.split(), new NegativeSampler(dataset), setup.evaluator(), root,
                    new StopSignal(), records::add);
            trainer.train(TrainingStage.BACKBONE, epochs, null, false, epoch -> { });
            trainer.train(TrainingStage.AUGMENTED, epochs, augmenter, false, epoch -> { });
            out.printf(Locale.ROOT, "%-28s %8s %10s %12s  %s%n", "training", "epoch", "seconds", "sequences/s", "losses");
            for (EpochRecord r : records) {
                String kind = r.stage() == TrainingStage.BACKBONE ? "plain " + backboneName : augmenterName + " stage 2";
                out.printf(Locale.ROOT, "%-28s %8d %10.2f %12.0f  %s%n", kind, r.epoch(), r.trainSeconds(),
                        r.sequences() / r.trainSeconds(), r.losses());
            }
            int rounds = 3;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                trainer.validate();
                best = Math.min(best, (System.nanoTime() - t) / 1e9);
            }
            out.printf(Locale.ROOT, "full-ranking evaluation of %,d users over %,d items: %.2f s (best of %d)%n",
                    dataset.userCount(), dataset.itemCount(), best, rounds);
        }
        out.printf(Locale.ROOT, "peak resident memory: %,d MiB%n", ProcessMemory.peakResidentMiB());
        if (scaleItems > 0) {
            ModelDims dims = setup.dims();
            scale(settings, backboneName, dims.hiddenSize(), dims.maxLength(), scaleItems, scaleUsers,
                    settings.longValue("eval.chunk-bytes"), settings.longValue("seed"), out);
        }
    }

    private void scale(Settings settings, String backboneName, int hidden, int maxLength, int items, int users,
            long chunkBytes, long seed, PrintStream out) {
        SequenceDataset synthetic = SyntheticDataset.generate(users, items, 5, 2 * maxLength, 0.5, seed);
        List<EvaluationCase> cases = new LeaveOneOutSplit(synthetic, maxLength).test();
        ModelDims dims = new ModelDims(items, 1, hidden, maxLength);
        Backbone backbone = registry.backbone(backboneName).create(dims, settings.subtree("backbone." + backboneName));
        FullRankingEvaluator evaluator = new FullRankingEvaluator(chunkBytes);
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            long t = System.nanoTime();
            evaluator.evaluate(backbone, cases, root);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "scale: %,d users x %,d items (chunks of %d users): %.2f s, %.0f users/s; heap max %,d MiB;"
                    + " peak resident %,d MiB%n", users, items, evaluator.usersPerChunk(dims.tableRows()), seconds,
                    users / seconds, Runtime.getRuntime().maxMemory() >> 20, ProcessMemory.peakResidentMiB());
        }
    }
}
