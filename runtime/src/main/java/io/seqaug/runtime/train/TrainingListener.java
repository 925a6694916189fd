package io.seqaug.runtime.train;

import io.seqaug.api.TrainingStage;

import java.util.function.Consumer;

/**
 * What a {@link Trainer} tells the code that runs it, in this order within an epoch:
 * {@link #newBest} (when validation improved), {@link #epochFinished}, {@link #epochEnded}.
 * Every method does nothing by default.
 */
public interface TrainingListener {

    /**
     * Validation improved on the best so far; the best parameters are the current ones.
     *
     * @param stage the stage
     * @param epoch the 0-based epoch
     */
    default void newBest(TrainingStage stage, int epoch) {}

    /**
     * An epoch and its validation finished.
     *
     * @param record what the epoch did
     */
    default void epochFinished(EpochRecord record) {}

    /**
     * The stage can be continued from here: the parameters and the optimizer state are those of
     * this moment.
     *
     * @param progress where the stage stands
     */
    default void epochEnded(StageProgress progress) {}

    /**
     * A listener that hears only of finished epochs.
     *
     * @param records receives every epoch's record
     * @return the listener
     */
    static TrainingListener onEpoch(Consumer<EpochRecord> records) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochRecord record) {
                records.accept(record);
            }
        };
    }
}
