package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Rows;

/**
 * The positions of a batch that carry a next-item target, read once on the host when the batch is
 * uploaded ({@link io.seqaug.api.host.BatchArrays#upload}), so that losses embed, mix and score those positions only
 * instead of the whole padded batch (a batch is padded to its longest sequence; on Beauty about four
 * positions in five have no target). Gathering at these positions gives the same terms as the padded
 * batch with its target mask, summed in another order.
 *
 * @param size {@code B}, sequences in the batch
 * @param length {@code L}, padded length
 * @param rows row-major positions {@code b x L + l} with a target, in order
 * @param sequences the sequence {@code b} of each of those positions
 */
public record TargetPositions(int size, int length, long[] rows, long[] sequences) {

    /**
     * Reads the target positions of a batch.
     *
     * @param positives {@code [B x L]} target ids, row-major, 0 where there is no target
     * @param size {@code B}
     * @param length {@code L}
     * @return the positions
     */
    public static TargetPositions of(int[] positives, int size, int length) {
        int count = 0;
        for (int id : positives) {
            count += id > 0 ? 1 : 0;
        }
        long[] rows = new long[count];
        long[] sequences = new long[count];
        for (int i = 0, next = 0; i < positives.length; i++) {
            if (positives[i] > 0) {
                rows[next] = i;
                sequences[next++] = i / length;
            }
        }
        return new TargetPositions(size, length, rows, sequences);
    }

    /**
     * A batch of {@code size} sequences of length 1 whose one position is a target: a batch of
     * last-position targets seen at its last position only.
     *
     * @param size {@code B}
     * @return the positions {@code 0..B-1}
     */
    public static TargetPositions lastOf(int size) {
        long[] rows = new long[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i;
        }
        return new TargetPositions(size, 1, rows, rows.clone());
    }

    /**
     * Number of target positions, {@code N}.
     *
     * @return {@code N}
     */
    public int count() {
        return rows.length;
    }

    /**
     * Whether every sequence has exactly one target, at its last position: prefix batches of
     * non-causal backbones, whose loss needs only the last position's output.
     *
     * @return true when the targets are exactly {@code b x L + L - 1} for every {@code b}
     */
    public boolean lastPositionsOnly() {
        if (rows.length != size) {
            return false;
        }
        for (int b = 0; b < size; b++) {
            if (rows[b] != (long) b * length + length - 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same positions in the sequences a permutation pairs with: position {@code l} of sequence
     * {@code partner[b]} for each target position {@code (b, l)}.
     *
     * @param partner the permutation of the batch
     * @return row-major positions, one per target position
     */
    public long[] partnerRows(long[] partner) {
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
    public long[] copyRows(int copies) {
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
     * @param values {@code [B, L, ...]}
     * @param manager where the index (and so the result) lives
     * @return {@code [N, ...]}
     */
    public NDArray take(NDArray values, NDManager manager) {
        return take(values, rows, manager);
    }

    /**
     * Gathers per-position values at given row-major positions.
     *
     * @param values {@code [B, L, ...]}
     * @param positions row-major positions
     * @param manager where the index (and so the result) lives
     * @return {@code [positions.length, ...]}
     */
    public NDArray take(NDArray values, long[] positions, NDManager manager) {
        Shape perPosition = values.getShape().slice(2);
        return Rows.take(values.reshape(new Shape((long) size * length).addAll(perPosition)), manager.create(positions));
    }

    /**
     * Gathers mixing weights drawn per sequence ({@code [B, 1, k]}) or per position ({@code [B, L, k]}),
     * or anything that broadcasts to one of those, at the target positions.
     *
     * @param lambda the weights
     * @param manager where the index lives
     * @return {@code [N, k]}
     */
    public NDArray takeWeights(NDArray lambda, NDManager manager) {
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
