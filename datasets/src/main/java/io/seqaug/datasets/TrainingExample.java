package io.seqaug.datasets;

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
}
