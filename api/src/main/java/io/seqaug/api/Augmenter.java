package io.seqaug.api;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The unit a researcher swaps: a data augmentation method for sequential recommendation.
 *
 * <p>An augmenter has four hooks, called in this order: {@link #prepare} once with the training
 * split, {@link #startEpoch} before every epoch of the stages it is active in (on the training
 * thread, before any view of the epoch is made), {@link #augmentExample} for every example on the
 * data-loading thread (cheap, primitive arrays), and {@link #losses} on the training thread for every
 * batch. The recommendation loss itself is the host's; an augmenter only adds terms, each with a
 * plain-number weight that the host applies ({@link LossTerm}). Terms that score next-item
 * predictions use the host's loss ({@link StepContext#nextItemLoss}), so that
 * {@code seqaug.train.loss} moves them too.
 *
 * <p>Threading: {@link #augmentExample} for the next batch runs on the loader thread while
 * {@link #losses} for the current batch runs on the training thread, so the two may run at the same
 * time. State that {@link #prepare} builds must be read-only afterwards; {@link #augmentExample} must
 * use only its arguments and that state (its generator is the loader's); {@link #losses} receives the
 * views it made already uploaded ({@link StepContext#viewIds()}). State that {@link #startEpoch}
 * changes may be read by {@link #losses} only.
 */
public interface Augmenter {

    /**
     * The stages in which {@link #losses} is called and views are made.
     *
     * @return a non-empty set of stages; by default {@link TrainingStage#AUGMENTED}, the stage after
     *     the shared stage 1 or, in a one-stage run, the only stage
     */
    default Set<TrainingStage> activeStages() {
        return Set.of(TrainingStage.AUGMENTED);
    }

    /**
     * Precomputes whatever the augmenter needs from the training inputs.
     *
     * @param trainingSequences the training inputs, oldest item first (as in {@link #prepare(List, int[])})
     */
    default void prepare(List<int[]> trainingSequences) {}

    /**
     * Precomputes whatever the augmenter needs from the training inputs and their next items. The
     * host calls this one; by default it calls {@link #prepare(List)}.
     *
     * @param trainingSequences the inputs of the examples trained on, oldest item first: every
     *     user's training input when training on sequences (empty for a user whose history is only
     *     validation and test items), every prefix when training on prefixes
     *     ({@code seqaug.train.examples})
     * @param nextItems the item that follows each input (its last next-item target), 0 for an empty
     *     input
     */
    default void prepare(List<int[]> trainingSequences, int[] nextItems) {
        prepare(trainingSequences);
    }

    /**
     * Called before every epoch of an active stage, on the training thread, before the epoch's
     * views are made.
     *
     * @param epoch the epoch, with the model's representations of the training sequences
     */
    default void startEpoch(EpochContext epoch) {}

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
     * Makes the views of one example, knowing its target. The loader calls this one; by default it
     * calls {@link #augmentExample(int[], RandomGenerator)}.
     *
     * @param items the example's input items, oldest first, without padding; not modified
     * @param target the item that follows {@code items} (the example's last next-item target)
     * @param rng the loader's seeded generator
     * @return exactly {@link #viewsPerExample()} augmented sequences
     */
    default List<Augmented> augmentExample(int[] items, int target, RandomGenerator rng) {
        return augmentExample(items, rng);
    }

    /**
     * Computes the extra loss terms of one batch.
     *
     * @param step the step's arrays, backbone and generator
     * @return named scalar losses, already weighted; empty to add nothing
     */
    List<LossTerm> losses(StepContext step);
}
