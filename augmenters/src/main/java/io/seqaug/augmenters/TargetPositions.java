package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Rows;

/**
 * The positions of a batch that carry a next-item target, so that BASRec's losses embed, mix and
 * score those positions only instead of the whole padded batch (a batch is padded to its longest
 * sequence; on Beauty about four positions in five have no target). The losses are the same terms
 * as over the padded batch with its target mask, summed in another order.
 *
 * @param size {@code B}, sequences in the batch
 * @param length {@code L}, padded length
 * @param rows row-major positions {@code b x L + l} with a target, in order
 * @param sequences the sequence {@code b} of each of those positions
 */
record TargetPositions(int size, int length, long[] rows, long[] sequences) {

    /**
     * Reads the target positions from a mask.
     *
     * @param targetMask {@code [B, L]}, non-zero where a position has a target
     * @return the positions
     */
    static TargetPositions of(NDArray targetMask) {
        Shape shape = targetMask.getShape();
        int size = (int) shape.get(0);
        int length = (int) shape.get(1);
        float[] mask = targetMask.toType(DataType.FLOAT32, false).toFloatArray();
        int count = 0;
        for (float v : mask) {
            count += v != 0f ? 1 : 0;
        }
        long[] rows = new long[count];
        long[] sequences = new long[count];
        for (int i = 0, next = 0; i < mask.length; i++) {
            if (mask[i] != 0f) {
                rows[next] = i;
                sequences[next++] = i / length;
            }
        }
        return new TargetPositions(size, length, rows, sequences);
    }

    /** Number of target positions, {@code N}. */
    int count() {
        return rows.length;
    }

    /**
     * The same positions in the sequences a permutation pairs with: position {@code l} of sequence
     * {@code partner[b]} for each target position {@code (b, l)}.
     *
     * @param partner the permutation of the batch
     * @return row-major positions, one per target position
     */
    long[] partnerRows(long[] partner) {
        long[] result = new long[rows.length];
        for (int n = 0; n < rows.length; n++) {
            int b = (int) sequences[n];
            result[n] = partner[b] * length + (rows[n] - (long) b * length);
        }
        return result;
    }

    /**
     * The target positions of {@code copies} batches stacked copy-major ({@code [copies x B, L]}),
     * copy by copy.
     *
     * @param copies stacked batches
     * @return row-major positions in the stacked layout, {@code copies x N} of them
     */
    long[] copyRows(int copies) {
        long positions = (long) size * length;
        long[] result = new long[copies * rows.length];
        for (int c = 0; c < copies; c++) {
            for (int n = 0; n < rows.length; n++) {
                result[c * rows.length + n] = c * positions + rows[n];
            }
        }
        return result;
    }

    /**
     * Gathers per-position values at the target positions.
     *
     * @param values {@code [B, L, ...]} or {@code [B x L, ...]}
     * @param manager where the index (and so the result) lives
     * @return {@code [N, ...]}
     */
    NDArray take(NDArray values, NDManager manager) {
        return take(values, rows, manager);
    }

    /**
     * Gathers per-position values at given row-major positions.
     *
     * @param values {@code [B, L, ...]} or {@code [B x L, ...]}
     * @param positions row-major positions
     * @param manager where the index (and so the result) lives
     * @return {@code [positions.length, ...]}
     */
    NDArray take(NDArray values, long[] positions, NDManager manager) {
        Shape shape = values.getShape();
        long[] flat = new long[shape.dimension() - 1];
        flat[0] = (long) size * length;
        for (int d = 2; d < shape.dimension(); d++) {
            flat[d - 1] = shape.get(d);
        }
        NDArray table = shape.get(0) == (long) size * length ? values : values.reshape(new Shape(flat));
        return Rows.take(table, manager.create(positions));
    }

    /**
     * Gathers mixing weights drawn per sequence ({@code [B, 1, k]}) or per position ({@code [B, L, k]}),
     * or anything that broadcasts to one of those, at the target positions.
     *
     * @param lambda the weights
     * @param manager where the index lives
     * @return {@code [N, k]}
     */
    NDArray takeWeights(NDArray lambda, NDManager manager) {
        NDArray weights = lambda;
        while (weights.getShape().dimension() < 3) {
            weights = weights.expandDims(0);
        }
        long positions = weights.getShape().get(1);
        long width = weights.getShape().get(2);
        weights = weights.broadcast(new Shape(size, positions, width));
        if (positions == 1) {
            return Rows.take(weights.reshape(size, width), manager.create(sequences));
        }
        return Rows.take(weights.reshape((long) size * length, width), manager.create(rows));
    }
}
