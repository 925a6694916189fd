package io.seqaug.api;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The unit a researcher swaps: a data augmentation method for sequential recommendation.
 *
 * <p>An augmenter has three hooks, called in this order: {@link #prepare} once with the training
 * split, {@link #augmentExample} for every example on the data-loading thread (cheap, primitive
 * arrays), and {@link #losses} on the training thread for every batch, in the stages it is active
 * in. The recommendation loss itself is the host's; an augmenter only adds terms, each with a
 * plain-number weight that the host applies ({@link LossTerm}).
 *
 * <p>Threading: {@link #augmentExample} for the next batch runs on the loader thread while
 * {@link #losses} for the current batch runs on the training thread, so the two may run at the same
 * time. State that {@link #prepare} builds must be read-only afterwards; {@link #augmentExample} must
 * use only its arguments and that state (its generator is the loader's); {@link #losses} receives the
 * views it made already uploaded ({@link StepContext#viewIds()}).
 */
public interface Augmenter {

    /**
     * The stages in which {@link #losses} is called and views are made.
     *
     * @return a non-empty set of stages
     */
    Set<TrainingStage> activeStages();

    /**
     * Precomputes whatever the augmenter needs from the training inputs.
     *
     * @param trainingSequences every user's training input, oldest item first
     */
    default void prepare(List<int[]> trainingSequences) {}

    /**
     * How many views {@link #augmentExample} makes per example.
     *
     * @return a count {@code >= 0}; 0 means the data loader never calls {@link #augmentExample}
     */
    default int viewsPerExample() {
        return 0;
    }

    /**
     * Makes the views of one example. Runs on the data-loading thread.
     *
     * @param items the example's input items, oldest first, without padding; not modified
     * @param rng the loader's seeded generator
     * @return exactly {@link #viewsPerExample()} augmented sequences
     */
    default List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
        return List.of();
    }

    /**
     * Computes the extra loss terms of one batch.
     *
     * @param step the step's arrays, backbone and generator
     * @return named scalar losses, already weighted; empty to add nothing
     */
    List<LossTerm> losses(StepContext step);
}
