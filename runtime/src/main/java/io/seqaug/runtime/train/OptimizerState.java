package io.seqaug.runtime.train;

/**
 * Adam's state: the number of updates made and, per parameter (in the backbone's order), its first
 * and second moment estimates; a parameter that was never updated has {@code null} moments.
 *
 * @param steps updates made so far
 * @param means first moments
 * @param variances second moments
 */
public record OptimizerState(int steps, float[][] means, float[][] variances) {}
