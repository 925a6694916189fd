package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A {@link SequenceBatch}'s id arrays on the engine, as every training step starts: the host's step,
 * the test kit's and tests that check exact step values upload a batch the same way.
 *
 * @param inputs {@code [B, L]} input ids
 * @param positives {@code [B, L]} target ids, 0 where there is no target
 * @param negatives {@code [B, L]} sampled negative ids
 * @param targetMask {@code [B, L]} 1 where a position has a target, else 0
 * @param targetRows {@code [N]} int64: the row-major positions ({@code b x L + l}) that have a
 *     target, in order; lets a loss skip the padding positions
 */
public record BatchArrays(NDArray inputs, NDArray positives, NDArray negatives, NDArray targetMask, NDArray targetRows) {

    /**
     * Uploads a batch.
     *
     * @param manager the step's manager, which owns the arrays
     * @param batch the batch
     * @return its arrays
     */
    public static BatchArrays upload(NDManager manager, SequenceBatch batch) {
        Shape shape = new Shape(batch.size(), batch.length());
        int[] targets = batch.positives();
        float[] mask = new float[targets.length];
        int count = 0;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] > 0) {
                mask[i] = 1f;
                count++;
            }
        }
        long[] rows = new long[count];
        for (int i = 0, next = 0; i < targets.length; i++) {
            if (targets[i] > 0) {
                rows[next++] = i;
            }
        }
        return new BatchArrays(manager.create(batch.inputs(), shape), manager.create(targets, shape),
                manager.create(batch.negatives(), shape), manager.create(mask, shape), manager.create(rows));
    }
}
