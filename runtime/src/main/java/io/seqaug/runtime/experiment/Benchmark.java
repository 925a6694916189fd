package io.seqaug.runtime.experiment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.TrainingStage;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.datasets.TrainingExample;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.plugins.ProviderRegistry;
import io.seqaug.runtime.report.Allocator;
import io.seqaug.runtime.report.ProcessCpu;
import io.seqaug.runtime.report.ProcessMemory;
import io.seqaug.runtime.train.EpochRecord;
import io.seqaug.runtime.train.StopSignal;
import io.seqaug.runtime.train.TrainOptions;
import io.seqaug.runtime.train.Trainer;
import io.seqaug.runtime.train.TrainingListener;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Speed and memory figures of the configured backbone on the configured dataset: plain training
 * epochs, stage-2 epochs with an augmenter, full-ranking evaluation of every user, and optionally
 * evaluation on a large synthetic catalog. No validation runs inside the timed epochs. The first
 * epoch (warm-up) and the steady state (median of the rest) are reported apart, with the process's
 * user and kernel CPU time, page faults, and the estimated arithmetic as a share of the machine's
 * measured matrix-multiply rate.
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
        // Timed apart from training, whether or not the augmenter needed it.
        setup.context().similarity();
        TrainOptions options = TrainOptions.from(settings).withoutValidation();
        out.printf(Locale.ROOT, "dataset %s: %,d users, %,d items; backbone %s; %d cores; batch %d; allocator: %s; "
                + "dropout masks: %s%n", dataset.name(), dataset.userCount(), dataset.itemCount(), backboneName,
                Runtime.getRuntime().availableProcessors(), options.batchSize(), Allocator.describe(),
                options.hostDropoutMasks() ? "host" : "engine");
        out.printf(Locale.ROOT, "item similarity (%s, cached after the first run): %.2f s%n",
                settings.string("similarity.method"), setup.similaritySeconds());
        Backbone backbone = setup.backbone(backboneName);
        Augmenter augmenter = setup.augmenter(augmenterName, backbone);
        List<Phase> phases = new ArrayList<>();
        double matmul;
        try (NDManager root = NDManager.newBaseManager()) {
            matmul = matmulGflops(root);
            backbone.initialize(root);
            List<EpochRecord> records = new ArrayList<>();
            Trainer trainer = new Trainer(options, backbone, setup.split(), new NegativeSampler(dataset), setup.evaluator(), root,
                    new StopSignal(), TrainingListener.onEpoch(records::add));
            List<TrainingExample> examples = trainer.examples();
            double plainFlops = trainingFlops(backbone, examples, 0);
            ProcessCpu before = ProcessCpu.now();
            trainer.train(TrainingStage.BACKBONE, epochs, null, false);
            phases.add(Phase.of("plain " + backboneName, records, ProcessCpu.now().since(before), plainFlops));
            records.clear();
            int views = augmenter.activeStages().contains(TrainingStage.AUGMENTED) ? augmenter.viewsPerExample() : 0;
            before = ProcessCpu.now();
            trainer.train(TrainingStage.AUGMENTED, epochs, augmenter, false);
            phases.add(Phase.of(augmenterName + " stage 2", records, ProcessCpu.now().since(before),
                    trainingFlops(backbone, examples, views)));
            int rounds = 5;
            List<Double> seconds = new ArrayList<>();
            before = ProcessCpu.now();
            for (int i = 0; i < rounds; i++) {
                long t = System.nanoTime();
                trainer.validate();
                seconds.add((System.nanoTime() - t) / 1e9);
            }
            phases.add(new Phase("full-ranking evaluation", seconds, ProcessCpu.now().since(before), Map.of(),
                    evaluationFlops(backbone, setup.split().validation(), dataset.itemCount())));
        }
        out.printf(Locale.ROOT, "matrix multiply rate of this machine (1024 x 1024 float32, engine threads): %.1f GFLOP/s%n",
                matmul);
        out.printf(Locale.ROOT, "%-24s %6s %9s %10s %9s %8s %8s %5s %12s %9s %7s%n", "phase", "epochs", "first s",
                "steady s", "seq/s", "user s", "sys s", "sys%", "minor faults", "GFLOP/ep", "% peak");
        for (Phase p : phases) {
            double steady = p.steadySeconds();
            double rate = p.flopsPerEpoch() / steady / 1e9;
            out.printf(Locale.ROOT, "%-24s %6d %9.2f %10s %9s %8.1f %8.1f %4.0f%% %,12d %9.1f %6.1f%%%n", p.name(),
                    p.seconds().size(), p.seconds().get(0),
                    p.seconds().size() > 1 ? String.format(Locale.ROOT, "%.2f", steady) : "-",
                    p.sequences() > 0 ? String.format(Locale.ROOT, "%.0f", p.sequences() / steady) : "-",
                    p.cpu().userSeconds(), p.cpu().systemSeconds(), 100 * p.cpu().systemShare(), p.cpu().minorFaults(),
                    p.flopsPerEpoch() / 1e9, 100 * rate / matmul);
        }
        out.println("steady = median of the epochs after the first; GFLOP/ep: estimated work on real (unpadded) items,"
                + " training = 3 x forward, each augmented view encoded once; % peak: steady GFLOP/s over the matmul rate");
        ratio(phases.get(0).seconds(), phases.get(1).seconds()).ifPresent(r -> out.printf(Locale.ROOT,
                "%s / %s: first epoch %.2fx; steady %.2fx, between %.2fx and %.2fx over the steady epochs%n",
                phases.get(1).name(), phases.get(0).name(), r.first(), r.steady(), r.low(), r.high()));
        for (Phase p : phases) {
            if (!p.losses().isEmpty()) {
                out.printf(Locale.ROOT, "losses, %s, last epoch: %s%n", p.name(), p.losses());
            }
        }
        Map<String, ProcessCpu> trainingCpu = new LinkedHashMap<>();
        phases.stream().filter(p -> p.sequences() > 0).forEach(p -> trainingCpu.put(p.name(), p.cpu()));
        kernelWarning(trainingCpu, Allocator.describe()).ifPresent(out::println);
        out.printf(Locale.ROOT, "peak resident memory: %,d MiB%n", ProcessMemory.peakResidentMiB());
        if (scaleItems > 0) {
            ModelDims dims = setup.dims();
            scale(settings, backboneName, dims.hiddenSize(), dims.maxLength(), scaleItems, scaleUsers,
                    settings.longValue("eval.chunk-bytes"), settings.longValue("seed"), out);
        }
    }

    /**
     * The warning for training phases that spend more than 10% of their CPU time in the kernel, which
     * on these machines means page faults from the memory allocator. Evaluation is left out: its first
     * pass touches fresh score buffers, a fault per page, whatever the allocator.
     *
     * @param trainingCpu CPU use of each training phase, by name
     * @param allocator the allocator in use ({@link Allocator#describe})
     * @return the warning, when a phase is over the line
     */
    static Optional<String> kernelWarning(Map<String, ProcessCpu> trainingCpu, String allocator) {
        List<String> heavy = trainingCpu.entrySet().stream().filter(e -> e.getValue().systemShare() > 0.10)
                .map(Map.Entry::getKey).toList();
        if (heavy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("WARNING: more than 10% of the training CPU time was spent in the kernel (" + String.join(", ", heavy)
                + "; allocator: " + allocator + "): training is paying for page faults. "
                + (allocator.startsWith("glibc malloc (default)")
                        ? "Run through ./seqaug, which preloads tcmalloc or tunes glibc malloc, or install libtcmalloc-minimal4."
                        : "Other processes competing for memory or cores can cause it too; rerun on a quiet machine."));
    }

    /**
     * How many times a plain epoch an augmented epoch takes.
     *
     * @param first the first epochs' ratio
     * @param steady the ratio of the steady medians
     * @param low the fastest steady augmented epoch over the slowest steady plain one
     * @param high the slowest steady augmented epoch over the fastest steady plain one
     */
    record Ratio(double first, double steady, double low, double high) {
    }

    /**
     * The augmented phase's epochs against the plain phase's. The two phases run one after the other, so a
     * machine whose speed drifts moves the ratio; the range over the steady epochs shows how far.
     *
     * @param plain wall seconds of the plain epochs, in order
     * @param augmented wall seconds of the augmented epochs, in order
     * @return the ratio; empty with fewer than two epochs in either phase (no steady state)
     */
    static Optional<Ratio> ratio(List<Double> plain, List<Double> augmented) {
        if (plain.size() < 2 || augmented.size() < 2) {
            return Optional.empty();
        }
        List<Double> plainSteady = plain.subList(1, plain.size());
        List<Double> augmentedSteady = augmented.subList(1, augmented.size());
        return Optional.of(new Ratio(augmented.get(0) / plain.get(0), steady(augmented) / steady(plain),
                Collections.min(augmentedSteady) / Collections.max(plainSteady),
                Collections.max(augmentedSteady) / Collections.min(plainSteady)));
    }

    /** The median of the epochs after the first, or the first when there is only one. */
    private static double steady(List<Double> seconds) {
        List<Double> rest = seconds.size() == 1 ? seconds : seconds.subList(1, seconds.size());
        return EpochLog.median(rest.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /**
     * One timed phase.
     *
     * @param name what ran
     * @param seconds wall seconds of every epoch (or evaluation round), in order
     * @param cpu CPU time and page faults of the whole phase
     * @param losses mean losses of the last epoch
     * @param flopsPerEpoch estimated floating-point work of one epoch
     */
    private record Phase(String name, List<Double> seconds, ProcessCpu cpu, Map<String, Double> losses,
            double flopsPerEpoch, long sequences) {

        Phase(String name, List<Double> seconds, ProcessCpu cpu, Map<String, Double> losses, double flopsPerEpoch) {
            this(name, seconds, cpu, losses, flopsPerEpoch, 0);
        }

        static Phase of(String name, List<EpochRecord> records, ProcessCpu cpu, double flopsPerEpoch) {
            List<Double> seconds = records.stream().map(EpochRecord::trainSeconds).toList();
            EpochRecord last = records.get(records.size() - 1);
            return new Phase(name, seconds, cpu, last.losses(), flopsPerEpoch, last.sequences());
        }

        double steadySeconds() {
            return steady(seconds);
        }
    }

    /**
     * Estimated work of one training epoch: forward, plus backward at twice the forward, of every
     * example and of every augmented view, plus the loss's dot products.
     */
    static double trainingFlops(Backbone backbone, List<TrainingExample> examples, int viewsPerExample) {
        double hidden = backbone.dims().hiddenSize();
        double total = 0;
        for (TrainingExample e : examples) {
            int n = e.input().length;
            total += (1 + viewsPerExample) * (backbone.forwardFlops(n) + 2 * 2 * n * hidden);
        }
        return 3 * total;
    }

    /** Estimated work of scoring every case: the encoder, and a dot product with every item. */
    static double evaluationFlops(Backbone backbone, List<EvaluationCase> cases, int items) {
        double total = 0;
        for (EvaluationCase c : cases) {
            total += backbone.forwardFlops(c.input().length) + 2.0 * items * backbone.dims().hiddenSize();
        }
        return total;
    }

    /** This machine's float32 matrix-multiply rate through the engine, in GFLOP/s (best of 10). */
    static double matmulGflops(NDManager root) {
        int n = 1024;
        try (NDManager m = root.newSubManager()) {
            NDArray a = m.randomUniform(-1f, 1f, new Shape(n, n));
            NDArray b = m.randomUniform(-1f, 1f, new Shape(n, n));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 12; i++) {
                long t = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);
                }
                if (i >= 2) {
                    best = Math.min(best, (System.nanoTime() - t) / 1e9);
                }
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }

    private void scale(Settings settings, String backboneName, int hidden, int maxLength, int items, int users,
            long chunkBytes, long seed, PrintStream out) {
        SequenceDataset synthetic = SyntheticDataset.generate(users, items, 5, 2 * maxLength, 0.5, seed);
        List<EvaluationCase> cases = new LeaveOneOutSplit(synthetic, maxLength).test();
        ModelDims dims = new ModelDims(items, 1, hidden, maxLength);
        Backbone backbone = registry.backbone(backboneName).create(dims, settings.provider("backbone." + backboneName));
        FullRankingEvaluator evaluator = new FullRankingEvaluator(chunkBytes);
        try (NDManager root = NDManager.newBaseManager()) {
            backbone.initialize(root);
            long t = System.nanoTime();
            evaluator.evaluate(backbone, cases, root);
            double seconds = (System.nanoTime() - t) / 1e9;
            out.printf(Locale.ROOT, "scale: %,d users x %,d items (score blocks of %d users): %.2f s, %.0f users/s; heap max %,d MiB;"
                    + " peak resident %,d MiB%n", users, items, evaluator.usersPerScoreBlock(dims.tableRows()), seconds,
                    users / seconds, Runtime.getRuntime().maxMemory() >> 20, ProcessMemory.peakResidentMiB());
        }
    }
}
