package io.seqaug.runtime.train;

import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.eval.Metrics;

import java.util.Map;

/**
 * What one epoch did, for the JSON-lines log and the console.
 *
 * @param stage the training stage
 * @param epoch the 0-based epoch within the stage
 * @param batches batches trained
 * @param sequences training sequences seen
 * @param trainSeconds wall time of the training pass
 * @param validSeconds wall time of validation (0 when skipped)
 * @param losses mean of every loss term over the epoch's batches, {@code rec} first
 * @param valid validation metrics, or {@code null} before {@code start-valid}
 * @param improved whether validation NDCG@20 improved on the best so far
 * @param residentMiB resident memory after the epoch
 */
public record EpochRecord(TrainingStage stage, int epoch, int batches, long sequences, double trainSeconds,
        double validSeconds, Map<String, Double> losses, Metrics valid, boolean improved, long residentMiB) {}
