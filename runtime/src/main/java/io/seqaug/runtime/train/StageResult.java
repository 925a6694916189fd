package io.seqaug.runtime.train;

import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.eval.Metrics;

/**
 * The outcome of one training stage.
 *
 * @param stage the stage
 * @param epochs epochs trained
 * @param bestEpoch the epoch whose parameters were kept (-1: the starting parameters)
 * @param bestValid validation metrics of the kept parameters, or {@code null} if never validated
 * @param meanEpochSeconds mean wall time of a training pass
 * @param interrupted whether a stop request ended the stage early
 */
public record StageResult(TrainingStage stage, int epochs, int bestEpoch, Metrics bestValid, double meanEpochSeconds,
        boolean interrupted) {}
