package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A {@link SequenceBatch}'s id arrays on the engine, as every training step starts: the host's step,
 * the test kit's and tests that check exact step values upload a batch the same way.
 *
 * @param inputs {@code [B, L]} input ids
 * @param positives {@code [B, L]} target ids, 0 where there is no target
 * @param negatives {@code [B, L]} sampled negative ids
 * @param targetMask {@code [B, L]} 1 where a position has a target, else 0
 */
public record BatchArrays(NDArray inputs, NDArray positives, NDArray negatives, NDArray targetMask) {

    /**
     * Uploads a batch.
     *
     * @param manager the step's manager, which owns the arrays
     * @param batch the batch
     * @return its arrays
     */
    public static BatchArrays upload(NDManager manager, SequenceBatch batch) {
        Shape shape = new Shape(batch.size(), batch.length());
        NDArray positives = manager.create(batch.positives(), shape);
        return new BatchArrays(manager.create(batch.inputs(), shape), positives, manager.create(batch.negatives(), shape),
                positives.gt(0).toType(DataType.FLOAT32, false));
    }
}
