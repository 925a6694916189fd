package io.seqaug.api.host;

/**
 * One training batch as primitive arrays, made on the data-loading thread.
 *
 * <p>All matrices are row-major {@code [size, length]} and left-padded with 0. A zero in
 * {@code positives} marks a position without a target.
 *
 * @param size number of examples
 * @param length padded length of every row
 * @param users user index of every example
 * @param inputs input item ids
 * @param positives next-item targets
 * @param negatives one sampled negative per target position (0 where there is no target)
 * @param views the augmenter's views of every example, or {@code null} when it made none
 */
public record SequenceBatch(int size, int length, int[] users, int[] inputs, int[] positives,
        int[] negatives, ViewBatch views) {

    /** Checks the array sizes. */
    public SequenceBatch {
        long cells = (long) size * length;
        if (users.length != size || inputs.length != cells || positives.length != cells
                || negatives.length != cells) {
            throw new IllegalArgumentException("batch arrays do not match " + size + " x " + length);
        }
    }
}
