package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.TargetPositions;

/**
 * A {@link SequenceBatch}'s id arrays on the engine, as every training step starts: the host's step,
 * the test kit's and tests that check exact step values upload a batch the same way.
 *
 * @param inputs {@code [B, L]} input ids
 * @param positives {@code [B, L]} target ids, 0 where there is no target
 * @param negatives {@code [B, L]} sampled negative ids
 * @param targetMask {@code [B, L]} 1 where a position has a target, else 0
 * @param targetRows {@code [N]} int64: {@code targets.rows()} on the engine
 * @param targets the target positions on the host, read once here for every loss of the step
 */
public record BatchArrays(NDArray inputs, NDArray positives, NDArray negatives, NDArray targetMask, NDArray targetRows,
        TargetPositions targets) {

    /**
     * Uploads a batch.
     *
     * @param manager the step's manager, which owns the arrays
     * @param batch the batch
     * @return its arrays
     */
    public static BatchArrays upload(NDManager manager, SequenceBatch batch) {
        Shape shape = new Shape(batch.size(), batch.length());
        TargetPositions targets = TargetPositions.of(batch.positives(), batch.size(), batch.length());
        float[] mask = new float[batch.positives().length];
        for (long row : targets.rows()) {
            mask[(int) row] = 1f;
        }
        return new BatchArrays(manager.create(batch.inputs(), shape), manager.create(batch.positives(), shape),
                manager.create(batch.negatives(), shape), manager.create(mask, shape), manager.create(targets.rows()), targets);
    }
}
