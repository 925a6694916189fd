package io.seqaug.runtime.train;

import io.seqaug.api.NextItemLoss;
import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.Settings;

/**
 * Optimiser and schedule settings of a training run.
 *
 * @param batchSize sequences per batch
 * @param learningRate Adam's learning rate
 * @param beta1 Adam's first-moment decay
 * @param beta2 Adam's second-moment decay
 * @param weightDecay L2 penalty added to the gradient
 * @param patience validations without improvement before stage 1 stops
 * @param startValid first epoch (0-based) of stage 1 that is validated
 * @param stage2Patience validations without improvement before stage 2 stops
 * @param stage2StartValid first epoch (0-based) of stage 2 that is validated
 * @param prefetch batches the loader may prepare ahead
 * @param progress whether to draw a progress bar
 * @param seed the run's seed
 * @param loss the next-item loss ({@code seqaug.train.loss})
 * @param lastPositionRule whether batches of last-position targets compute the last position only with
 *     an augmenter too ({@code seqaug.train.prefix-augmentation = last-position})
 * @param examples what one training example is ({@code seqaug.train.examples})
 * @param hostDropoutMasks whether dropout masks are drawn on the host ({@code seqaug.train.dropout-masks = host})
 *     rather than by the engine
 */
public record TrainOptions(int batchSize, float learningRate, float beta1, float beta2, float weightDecay, int patience,
        int startValid, int stage2Patience, int stage2StartValid, int prefetch, boolean progress, long seed,
        NextItemLoss.Kind loss, boolean lastPositionRule, ExampleSet examples, boolean hostDropoutMasks) {

    /**
     * The same schedule in both stages, binary cross-entropy, the examples the backbone trains on by default,
     * the engine's dropout masks.
     *
     * @param batchSize sequences per batch
     * @param learningRate Adam's learning rate
     * @param beta1 Adam's first-moment decay
     * @param beta2 Adam's second-moment decay
     * @param weightDecay L2 penalty added to the gradient
     * @param patience validations without improvement before a stage stops
     * @param startValid first epoch (0-based) that is validated
     * @param prefetch batches the loader may prepare ahead
     * @param progress whether to draw a progress bar
     * @param seed the run's seed
     */
    public TrainOptions(int batchSize, float learningRate, float beta1, float beta2, float weightDecay, int patience,
            int startValid, int prefetch, boolean progress, long seed) {
        this(batchSize, learningRate, beta1, beta2, weightDecay, patience, startValid, patience, startValid, prefetch,
                progress, seed, NextItemLoss.Kind.BCE, true, ExampleSet.AUTO, false);
    }

    /**
     * Early-stopping patience of a stage.
     *
     * @param stage the stage
     * @return validations without improvement before it stops
     */
    public int patience(TrainingStage stage) {
        return stage == TrainingStage.AUGMENTED ? stage2Patience : patience;
    }

    /**
     * First validated epoch of a stage.
     *
     * @param stage the stage
     * @return the 0-based epoch
     */
    public int startValid(TrainingStage stage) {
        return stage == TrainingStage.AUGMENTED ? stage2StartValid : startValid;
    }

    /**
     * Reads {@code seqaug.train.*} (each stage's schedule from {@code train.stage1} and
     * {@code train.stage2}) and {@code seqaug.seed}, checking every range.
     *
     * @param s the settings
     * @return the options
     */
    public static TrainOptions from(Settings s) {
        int patience = s.integer("train.stage1.patience", 1, Integer.MAX_VALUE);
        int startValid = s.integer("train.stage1.start-valid", 0, Integer.MAX_VALUE);
        int stage2Patience = s.integer("train.stage2.patience", 1, Integer.MAX_VALUE);
        int stage2StartValid = s.integer("train.stage2.start-valid", 0, Integer.MAX_VALUE);
        return new TrainOptions(s.integer("train.batch-size", 1, 1 << 20), learningRate(s),
                (float) s.number("train.adam-beta1", 0, 0.999999), (float) s.number("train.adam-beta2", 0, 0.999999),
                (float) s.number("train.weight-decay", 0, 10), patience, startValid, stage2Patience, stage2StartValid,
                s.integer("train.prefetch", 1, 1024),
                s.flag("train.progress"), s.longValue("seed"),
                NextItemLoss.Kind.parse(s.oneOf("train.loss", "bce", "ce")),
                s.oneOf("train.prefix-augmentation", "last-position", "every-position").equals("last-position"),
                ExampleSet.from(s), s.oneOf("train.dropout-masks", "engine", "host").equals("host"));
    }

    /**
     * The same options without validation inside the epochs and without early stopping, for
     * timing runs.
     *
     * @return the modified options
     */
    public TrainOptions withoutValidation() {
        return new TrainOptions(batchSize, learningRate, beta1, beta2, weightDecay, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE, Integer.MAX_VALUE, prefetch, false, seed, loss, lastPositionRule, examples,
                hostDropoutMasks);
    }

    /** Above 0: at 0 no parameter would move, and the run would report an untrained model. */
    private static float learningRate(Settings s) {
        double rate = s.number("train.learning-rate", 0, 10);
        if (rate == 0) {
            throw new ConfigError("seqaug.train.learning-rate = 0 (" + s.origin("train.learning-rate") + "): no parameter "
                    + "would move, and the run would report an untrained model; give a rate above 0");
        }
        return (float) rate;
    }
}
