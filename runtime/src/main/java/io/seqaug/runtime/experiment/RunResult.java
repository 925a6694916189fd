package io.seqaug.runtime.experiment;

import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.train.StageResult;

import java.nio.file.Path;

/**
 * The outcome of one experiment.
 *
 * @param runDir the folder with its logs, checkpoints and results
 * @param stage1 stage 1's outcome, or {@code null} when it was skipped
 * @param stage2 stage 2's outcome, or {@code null} when it was skipped
 * @param valid validation metrics of the final parameters
 * @param test test metrics of the final parameters
 * @param testSeconds wall time of the test evaluation
 * @param peakResidentMiB peak resident memory of the process
 * @param interrupted whether a stop request cut the run short
 */
public record RunResult(Path runDir, StageResult stage1, StageResult stage2, Metrics valid, Metrics test,
        double testSeconds, long peakResidentMiB, boolean interrupted) {}
