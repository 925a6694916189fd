package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Rows;

/**
 * Moves between a padded {@code [B, L, C]} layout and a packed {@code [N, C]} layout that holds only
 * the N real (non-padding) positions. Position-wise layers (dense, LayerNorm, dropout, feed-forward)
 * run on the packed layout, so their cost follows the real items rather than the padded length;
 * short histories dominate recommendation data, so this saves most of the work. Both directions are
 * row gathers ({@link Rows#take}).
 */
final class Packing {

    /** Null when every position counts as real: packing and unpacking are then reshapes. */
    private final NDArray real;
    private final NDArray slots;
    private final long batch;
    private final long length;
    private final long[] ids;

    private Packing(NDArray real, NDArray slots, long batch, long length, long[] ids) {
        this.real = real;
        this.slots = slots;
        this.ids = ids;
        this.batch = batch;
        this.length = length;
    }

    /**
     * Indexes the real positions of a batch.
     *
     * @param itemIds {@code [B, L]} ids, 0 for padding
     * @return the packing
     */
    static Packing of(NDArray itemIds) {
        long batch = itemIds.getShape().get(0);
        long length = itemIds.getShape().get(1);
        long[] ids = itemIds.toType(DataType.INT64, false).toLongArray();
        int count = 0;
        for (long id : ids) {
            count += id != 0 ? 1 : 0;
        }
        long[] real = new long[count];
        // slot i holds 0 for padding, or 1 + the packed row of position i
        long[] slots = new long[ids.length];
        int next = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != 0) {
                real[next] = i;
                slots[i] = ++next;
            }
        }
        NDManager manager = itemIds.getManager();
        return new Packing(manager.create(real, new Shape(real.length)),
                manager.create(slots, new Shape(slots.length)), batch, length, ids);
    }

    /**
     * Treats every position as real, padding included, for computations that need outputs at padding
     * positions too.
     *
     * @param itemIds {@code [B, L]} ids
     * @return the packing, whose packed layout is {@code [B x L, C]}
     */
    static Packing everyPosition(NDArray itemIds) {
        Shape shape = itemIds.getShape();
        return new Packing(null, null, shape.get(0), shape.get(1), null);
    }

    /**
     * The ids the packing was made from, on the host.
     *
     * @return {@code [B x L]} row-major ids, 0 for padding (not to be modified); null for {@link #everyPosition}
     */
    long[] hostIds() {
        return ids;
    }

    /**
     * Keeps the real positions.
     *
     * @param padded {@code [B, L, C]}
     * @return {@code [N, C]}
     */
    NDArray pack(NDArray padded) {
        if (real == null) {
            return padded.reshape(batch * length, padded.getShape().get(2));
        }
        return Rows.take(padded.reshape(batch * length, padded.getShape().get(2)), real);
    }

    /**
     * Puts packed rows back in place, with zeros at padding positions (unless every position was packed).
     *
     * @param packed {@code [N, C]}
     * @return {@code [B, L, C]}
     */
    NDArray unpack(NDArray packed) {
        long width = packed.getShape().get(1);
        if (slots == null) {
            return packed.reshape(batch, length, width);
        }
        NDArray withZeroRow = packed.getManager().zeros(new Shape(1, width), packed.getDataType()).concat(packed, 0);
        return Rows.take(withZeroRow, slots).reshape(batch, length, width);
    }
}
