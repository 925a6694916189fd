package io.seqaug.runtime.train;

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
        int startValid, int prefetch, boolean progress, long seed) {}
