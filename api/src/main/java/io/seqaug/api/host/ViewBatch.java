package io.seqaug.api.host;

/**
 * Augmented views of every example of a batch, packed for one batched encoder pass.
 *
 * <p>Row {@code v * batchSize + b} holds view {@code v} of example {@code b}, left-padded with 0 to
 * {@code length}: view-major order, so that the original batch tiled {@code viewsPerExample} times
 * lines up with it row by row.
 *
 * @param viewsPerExample views made for each example
 * @param batchSize examples in the batch
 * @param length padded length of every row
 * @param items {@code viewsPerExample * batchSize * length} item ids, row-major
 * @param rates {@code viewsPerExample * batchSize} augmentation rates
 */
public record ViewBatch(int viewsPerExample, int batchSize, int length, int[] items, float[] rates) {

    /** Checks that the arrays match the declared sizes. */
    public ViewBatch {
        long rows = (long) viewsPerExample * batchSize;
        if (items.length != rows * length || rates.length != rows) {
            throw new IllegalArgumentException("view arrays do not match " + viewsPerExample + " x "
                    + batchSize + " x " + length);
        }
    }
}
