package io.seqaug.datasets;

import java.util.List;

/**
 * One training sequence before padding.
 *
 * @param user the user index
 * @param input input items, oldest first, at most {@code maxLength} of them
 * @param targets the next-item target of every input position (0 = no target), same length
 */
public record TrainingExample(int user, int[] input, int[] targets) {

    /** Checks the lengths agree. */
    public TrainingExample {
        if (input.length != targets.length || input.length == 0) {
            throw new IllegalArgumentException("input and targets must be non-empty and of equal length");
        }
    }

    /**
     * The target of the last input position: the item that follows the input.
     *
     * @return the item id
     */
    public int lastTarget() {
        return targets[targets.length - 1];
    }

    /**
     * What an augmenter prepares from ({@code Augmenter.prepare}): the examples' inputs, as trained.
     *
     * @param examples the examples
     * @return their inputs, in order
     */
    public static List<int[]> inputs(List<TrainingExample> examples) {
        return examples.stream().map(TrainingExample::input).toList();
    }

    /**
     * The item that follows each example's input.
     *
     * @param examples the examples
     * @return their last targets, in order
     */
    public static int[] lastTargets(List<TrainingExample> examples) {
        return examples.stream().mapToInt(TrainingExample::lastTarget).toArray();
    }
}
