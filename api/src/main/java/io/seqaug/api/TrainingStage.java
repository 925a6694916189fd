package io.seqaug.api;

/**
 * The two stages of BASRec-style training.
 *
 * <p>{@link #BACKBONE} trains the backbone alone; {@link #AUGMENTED} continues from the stage-1
 * parameters with the augmenter's losses added.
 */
public enum TrainingStage {
    /** Stage 1: the plain backbone with the recommendation loss only. */
    BACKBONE,
    /** Stage 2: the backbone plus the augmenter's extra loss terms. */
    AUGMENTED
}
