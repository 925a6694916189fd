package io.seqaug.runtime.train;

import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.eval.Metrics;

/**
 * How far a stage got, as of the end of an epoch: what {@link Trainer} needs to continue the stage
 * exactly where it stopped.
 *
 * @param stage the stage
 * @param nextEpoch the epoch to run next
 * @param epochsRun epochs trained so far
 * @param trainSeconds their summed training time
 * @param bestScore the best validation NDCG@20 so far (negative infinity before any validation)
 * @param bestEpoch the epoch of the best parameters (-1: the starting parameters or none yet)
 * @param sinceBest validations since the best
 * @param bestParameters the best parameters in the backbone's order, or {@code null} if none yet
 * @param bestValid validation metrics of the best parameters, or {@code null}
 * @param finished whether the stage is over (its budget spent or its patience run out)
 */
public record StageProgress(TrainingStage stage, int nextEpoch, int epochsRun, double trainSeconds, double bestScore,
        int bestEpoch, int sinceBest, float[][] bestParameters, Metrics bestValid, boolean finished) {

    /**
     * A stage that has not run yet.
     *
     * @param stage the stage
     * @return no epochs, no validation, no best
     */
    public static StageProgress start(TrainingStage stage) {
        return new StageProgress(stage, 0, 0, 0, Double.NEGATIVE_INFINITY, -1, 0, null, null, false);
    }
}
