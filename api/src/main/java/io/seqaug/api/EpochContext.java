package io.seqaug.api;

import ai.djl.ndarray.NDManager;

/**
 * What an augmenter sees at the start of a training epoch ({@link Augmenter#startEpoch}): which
 * epoch it is and the model's current representations of the training sequences, as methods that
 * re-cluster or re-index the data every epoch (ICLRec's intents) need them.
 */
public interface EpochContext {

    /** How a sequence's outputs become one vector. */
    enum Pooling {
        /** The output at the last position: the representation that is scored. */
        LAST,
        /** The mean of the outputs at the sequence's real (non-padding) positions. */
        MEAN
    }

    /**
     * The stage being trained.
     *
     * @return the stage
     */
    TrainingStage stage();

    /**
     * The epoch about to start, 0-based within its stage.
     *
     * @return the epoch
     */
    int epoch();

    /**
     * A seed for this epoch's own randomness (for example k-means initialisation), derived from the
     * run's seed, the stage and the epoch.
     *
     * @return the seed
     */
    long seed();

    /**
     * The model's evaluation-mode representations (no dropout, no gradient) of every training
     * sequence given to {@link Augmenter#prepare}, in that order, each truncated to the model's
     * maximum length. A sequence without items has a row of zeros.
     *
     * @param pooling how outputs become one vector
     * @return one row of {@code hiddenSize} values per training sequence
     */
    float[][] encodeTrainingSequences(Pooling pooling);

    /**
     * The manager under which the hook makes its own arrays: make a sub-manager and close it before
     * returning, so that nothing outlives the hook.
     *
     * @return the manager
     */
    NDManager manager();
}
