package io.seqaug.runtime.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.TrainingStage;
import io.seqaug.api.host.Dropout;
import io.seqaug.api.host.HostEpoch;
import io.seqaug.api.host.SequenceBatch;
import io.seqaug.api.host.Tensors;
import io.seqaug.api.host.TrainingStep;
import io.seqaug.datasets.BatchLoader;
import io.seqaug.datasets.EvaluationCase;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.NegativeSampler;
import io.seqaug.datasets.TrainingExample;
import io.seqaug.runtime.eval.FullRankingEvaluator;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.report.ProcessMemory;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training loop: batches from the loader thread, the backbone's recommendation loss plus the
 * augmenter's terms, backward through {@link GradientCollector}, an Adam step, validation after each
 * epoch and early stopping on validation NDCG@20 with the best parameters restored at the end.
 *
 * <p>Every array a step makes lives in a per-step manager that is closed with the step. Every epoch's
 * randomness (data order, negatives, augmentation, dropout) comes from seeds derived from the run's
 * seed, the stage and the epoch, so a stage continued from its {@link StageProgress} and the
 * optimizer's state runs exactly as it would have without the interruption.
 */
public final class Trainer {

    private final TrainOptions options;
    private final Backbone backbone;
    private final LeaveOneOutSplit split;
    private final NegativeSampler sampler;
    private final FullRankingEvaluator evaluator;
    private final NDManager root;
    private final StopSignal stop;
    private final TrainingListener listener;
    private final ParameterUpdater updater;
    private final TrainingStep step;
    private final List<TrainingExample> examples;
    private final List<EvaluationCase> validation;
    private final List<int[]> trainingSequences;

    /**
     * Creates a trainer.
     *
     * @param options optimiser and schedule settings
     * @param backbone the initialized model
     * @param split the data split
     * @param sampler the negative sampler
     * @param evaluator the validation evaluator
     * @param root the manager under which step managers are made
     * @param stop asks the loop to end early
     * @param listener hears of every epoch, new best and resumable point
     */
    public Trainer(TrainOptions options, Backbone backbone, LeaveOneOutSplit split, NegativeSampler sampler,
            FullRankingEvaluator evaluator, NDManager root, StopSignal stop, TrainingListener listener) {
        this.options = options;
        this.backbone = backbone;
        this.split = split;
        this.sampler = sampler;
        this.evaluator = evaluator;
        this.root = root;
        this.stop = stop;
        this.listener = listener;
        this.updater = new ParameterUpdater(backbone.parameters(), options.learningRate(), options.beta1(),
                options.beta2(), options.weightDecay());
        this.step = new TrainingStep(backbone, NextItemLoss.of(options.loss(), backbone), options.lastPositionRule());
        this.examples = options.examples().of(split, backbone);
        this.validation = split.validation();
        this.trainingSequences = split.trainingInputs();
    }

    /**
     * The examples an epoch trains on ({@code seqaug.train.examples}).
     *
     * @return the examples, read-only
     */
    public List<TrainingExample> examples() {
        return java.util.Collections.unmodifiableList(examples);
    }

    /**
     * Trains one stage with early stopping and restores its best parameters.
     *
     * @param stage the stage
     * @param maxEpochs the epoch budget
     * @param augmenter the augmenter, used only if active in this stage; may be {@code null}
     * @param startFromCurrent whether the current parameters are a candidate (validated first), as
     *     when stage 2 starts from a trained stage 1
     * @return the stage's outcome
     */
    public StageResult train(TrainingStage stage, int maxEpochs, Augmenter augmenter, boolean startFromCurrent) {
        return train(stage, maxEpochs, augmenter, startFromCurrent, null);
    }

    /**
     * Trains one stage, or continues it, with early stopping and restores its best parameters.
     *
     * @param stage the stage
     * @param maxEpochs the epoch budget
     * @param augmenter the augmenter, used only if active in this stage; may be {@code null}
     * @param startFromCurrent whether the current parameters are a candidate (validated first);
     *     ignored when continuing
     * @param from where an earlier run of this stage stopped, with the parameters and optimizer state
     *     of that moment already restored ({@link #restoreParameters}, {@link #restoreOptimizerState});
     *     {@code null} to start the stage
     * @return the stage's outcome
     */
    public StageResult train(TrainingStage stage, int maxEpochs, Augmenter augmenter, boolean startFromCurrent,
            StageProgress from) {
        if (from != null && from.stage() != stage) {
            throw new IllegalArgumentException("cannot continue " + stage + " from the progress of " + from.stage());
        }
        Augmenter active = augmenter != null && augmenter.activeStages().contains(stage) ? augmenter : null;
        StageProgress at = from == null ? StageProgress.start(stage) : from;
        EarlyStopping stopping = new EarlyStopping(options.patience(stage), at);
        float[][] best = at.bestParameters();
        Metrics bestValid = at.bestValid();
        if (from == null && startFromCurrent) {
            bestValid = validate();
            stopping.record(-1, bestValid.ndcg20());
            best = snapshot();
        }
        double trainSecondsTotal = at.trainSeconds();
        int epochsRun = at.epochsRun();
        boolean interrupted = false;
        for (int epoch = at.finished() ? maxEpochs : at.nextEpoch(); epoch < maxEpochs; epoch++) {
            if (stop.requested()) {
                interrupted = true;
                break;
            }
            long started = System.nanoTime();
            EpochTotals totals = runEpoch(stage, epoch, active);
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            if (totals.interrupted) {
                interrupted = true;
                break;
            }
            epochsRun++;
            trainSecondsTotal += trainSeconds;
            Metrics valid = null;
            boolean improved = false;
            double validSeconds = 0;
            if (epoch >= options.startValid(stage)) {
                long validStart = System.nanoTime();
                valid = validate();
                validSeconds = (System.nanoTime() - validStart) / 1e9;
                improved = stopping.record(epoch, valid.ndcg20());
                if (improved) {
                    best = snapshot();
                    bestValid = valid;
                    listener.newBest(stage, epoch);
                }
            }
            listener.epochFinished(new EpochRecord(stage, epoch, totals.batches, totals.sequences, trainSeconds, validSeconds,
                    totals.meanLosses(), valid, improved, ProcessMemory.residentMiB()));
            boolean finished = valid != null && stopping.exhausted() || epoch + 1 == maxEpochs;
            listener.epochEnded(new StageProgress(stage, epoch + 1, epochsRun, trainSecondsTotal, stopping.best(),
                    stopping.bestEpoch(), stopping.sinceBest(), best, bestValid, finished));
            if (finished) {
                break;
            }
        }
        if (best != null) {
            restoreParameters(best);
        }
        return new StageResult(stage, epochsRun, stopping.bestEpoch(), bestValid,
                epochsRun == 0 ? 0 : trainSecondsTotal / epochsRun, interrupted);
    }

    /**
     * Validation metrics of the current parameters.
     *
     * @return the metrics over every user
     */
    public Metrics validate() {
        return evaluator.evaluate(backbone, validation, root);
    }

    private static final class EpochTotals {
        int batches;
        long sequences;
        boolean interrupted;
        final Map<String, double[]> sums = new LinkedHashMap<>();

        void add(String name, double value) {
            sums.computeIfAbsent(name, k -> new double[1])[0] += value;
        }

        Map<String, Double> meanLosses() {
            Map<String, Double> mean = new LinkedHashMap<>();
            sums.forEach((k, v) -> mean.put(k, batches == 0 ? 0 : v[0] / batches));
            return mean;
        }
    }

    private EpochTotals runEpoch(TrainingStage stage, int epoch, Augmenter augmenter) {
        long epochSeed = mix(options.seed(), stage.ordinal(), epoch);
        // Dropout masks too start from the epoch's own seed, not from where the last epoch left the engine
        // (or the host's stream, under train.dropout-masks = host).
        Engine.getInstance().setRandomSeed((int) mix(epochSeed, 1, 0));
        BatchLoader.Options shape = new BatchLoader.Options(options.batchSize(), backbone.dims().maxLength(),
                !backbone.paddingInvariant(), options.prefetch(), backbone.dims().tableRows() - 1);
        if (augmenter != null) {
            augmenter.startEpoch(new HostEpoch(stage, epoch, mix(epochSeed, 2, 0), backbone, trainingSequences,
                    options.batchSize(), root));
        }
        Augmenter viewMaker = augmenter != null && augmenter.viewsPerExample() > 0 ? augmenter : null;
        EpochTotals totals = new EpochTotals();
        SplittableRandom stepSeeds = new SplittableRandom(epochSeed ^ 0x5DEECE66DL);
        long started = System.nanoTime();
        try (Dropout.Scope masks = options.hostDropoutMasks() ? Dropout.hostMasks(mix(epochSeed, 3, 0)) : null;
                BatchLoader loader = new BatchLoader(examples, shape, sampler, viewMaker, epochSeed);
                ProgressBar bar = options.progress() ? progressBar(stage, epoch, loader.batchCount()) : null) {
            while (loader.hasNext()) {
                if (stop.requested()) {
                    totals.interrupted = true;
                    break;
                }
                SequenceBatch batch = loader.next();
                step(batch, augmenter, new SplittableRandom(stepSeeds.nextLong()), totals, stage, epoch);
                totals.batches++;
                totals.sequences += batch.size();
                if (bar != null) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f  %.0f seq/s",
                            totals.sums.get("rec")[0] / totals.batches, totals.sequences / Math.max(seconds, 1e-9)));
                }
            }
        }
        return totals;
    }

    private void step(SequenceBatch batch, Augmenter augmenter, SplittableRandom rng, EpochTotals totals,
            TrainingStage stage, int epoch) {
        try (NDManager m = root.newSubManager()) {
            TrainingStep.Losses losses;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                losses = step.forward(m, batch, augmenter, rng);
                collector.backward(losses.total());
            }
            updater.step();
            for (Map.Entry<String, NDArray> term : losses.byName().entrySet()) {
                float value = term.getValue().getFloat();
                if (!Float.isFinite(value)) {
                    throw new TrainingDiverged("loss '" + term.getKey() + "' became " + value + " in " + stage
                            + " epoch " + epoch + " batch " + totals.batches);
                }
                totals.add(term.getKey(), value);
            }
        }
    }

    private static ProgressBar progressBar(TrainingStage stage, int epoch, int batches) {
        String name = (stage == TrainingStage.BACKBONE ? "stage 1" : "stage 2") + " epoch " + epoch;
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(batches).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .continuousUpdate().build();
    }

    /**
     * A copy of the backbone's current parameters, in its order.
     *
     * @return the values
     */
    public float[][] snapshot() {
        List<Parameter> params = backbone.parameters();
        float[][] copy = new float[params.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = params.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    /**
     * Sets the backbone's parameters.
     *
     * @param values values in the backbone's order, as {@link #snapshot} returns them
     */
    public void restoreParameters(float[][] values) {
        List<Parameter> params = backbone.parameters();
        for (int i = 0; i < values.length; i++) {
            Tensors.assign(params.get(i).getArray(), values[i]);
        }
    }

    /**
     * A copy of the optimizer's state.
     *
     * @return the state
     */
    public OptimizerState optimizerState() {
        return updater.state();
    }

    /**
     * Continues with an optimizer state that {@link #optimizerState} returned for the same backbone.
     *
     * @param state the state
     */
    public void restoreOptimizerState(OptimizerState state) {
        updater.restore(state);
    }

    /** A well-spread seed from the run seed and two small integers. */
    static long mix(long seed, int a, int b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
