package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.api.EpochContext;
import io.seqaug.api.TrainingStage;

import java.util.List;

/**
 * The {@link EpochContext} the host (and {@code PluginTestKit}) gives an augmenter: the training
 * sequences encoded in evaluation mode, a batch at a time, each batch's arrays freed with it.
 *
 * @param stage the stage
 * @param epoch the 0-based epoch
 * @param seed the epoch's seed for the augmenter
 * @param backbone the model
 * @param sequences the training sequences given to {@code prepare}, oldest item first
 * @param batchSize sequences per forward pass
 * @param root the manager under which each batch's arrays are made
 */
public record HostEpoch(TrainingStage stage, int epoch, long seed, Backbone backbone, List<int[]> sequences,
        int batchSize, NDManager root) implements EpochContext {

    @Override
    public NDManager manager() {
        return root;
    }

    @Override
    public float[][] encodeTrainingSequences(Pooling pooling) {
        int maxLength = backbone.dims().maxLength();
        int hidden = backbone.dims().hiddenSize();
        float[][] result = new float[sequences.size()][];
        for (int start = 0; start < sequences.size(); start += batchSize) {
            int size = Math.min(batchSize, sequences.size() - start);
            int length = maxLength;
            if (backbone.paddingInvariant()) {
                length = 1;
                for (int b = 0; b < size; b++) {
                    length = Math.max(length, Math.min(maxLength, sequences.get(start + b).length));
                }
            }
            int[] ids = new int[size * length];
            for (int b = 0; b < size; b++) {
                int[] s = sequences.get(start + b);
                int n = Math.min(length, s.length);
                // left padding, the most recent items kept
                System.arraycopy(s, s.length - n, ids, b * length + length - n, n);
            }
            try (NDManager m = root.newSubManager()) {
                NDArray input = m.create(ids, new Shape(size, length));
                NDArray pooled;
                if (pooling == Pooling.LAST) {
                    pooled = backbone.encodeLast(input);
                } else {
                    pooled = Tensors.meanOfItems(backbone.encode(input, false), input);
                }
                float[] flat = pooled.toFloatArray();
                for (int b = 0; b < size; b++) {
                    float[] row = new float[hidden];
                    if (sequences.get(start + b).length > 0) {
                        System.arraycopy(flat, b * hidden, row, 0, hidden);
                    }
                    result[start + b] = row;
                }
            }
        }
        return result;
    }
}
