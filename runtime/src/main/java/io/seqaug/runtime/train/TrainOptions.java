package io.seqaug.runtime.train;

import io.seqaug.runtime.config.Settings;

/**
 * Optimiser and schedule settings of a training run.
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
public record TrainOptions(int batchSize, float learningRate, float beta1, float beta2, float weightDecay, int patience,
        int startValid, int prefetch, boolean progress, long seed) {

    /**
     * Reads {@code seqaug.train.*} and {@code seqaug.seed}, checking every range.
     *
     * @param s the settings
     * @return the options
     */
    public static TrainOptions from(Settings s) {
        return new TrainOptions(s.integer("train.batch-size", 1, 1 << 20), (float) s.number("train.learning-rate", 0, 10),
                (float) s.number("train.adam-beta1", 0, 0.999999), (float) s.number("train.adam-beta2", 0, 0.999999),
                (float) s.number("train.weight-decay", 0, 10), s.integer("train.patience", 1, Integer.MAX_VALUE),
                s.integer("train.start-valid", 0, Integer.MAX_VALUE), s.integer("train.prefetch", 1, 1024),
                s.flag("train.progress"), s.longValue("seed"));
    }

    /**
     * The same options without validation inside the epochs and without early stopping, for
     * timing runs.
     *
     * @return the modified options
     */
    public TrainOptions withoutValidation() {
        return new TrainOptions(batchSize, learningRate, beta1, beta2, weightDecay, Integer.MAX_VALUE, Integer.MAX_VALUE,
                prefetch, false, seed);
    }
}
