package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Row gathers with a gradient, for backbones and augmenters alike.
 *
 * <p>Gathers go through the engine's embedding lookup: one fused kernel forward and the same
 * backward as every item table, where DJL's advanced indexing ({@code get(new NDIndex("{}", index))})
 * builds an index list through several JNI calls per use. A helper, not a requirement: ordinary
 * DJL indexing gives the same values and gradients.
 */
public final class Rows {

    private Rows() {}

    /**
     * Selects rows along the first axis.
     *
     * @param table {@code [R, d1, d2, ...]}
     * @param index {@code [N]} row numbers in {@code 0..R-1} (any integer type)
     * @return {@code [N, d1, d2, ...]}, attached to the index's manager
     */
    public static NDArray take(NDArray table, NDArray index) {
        Shape shape = table.getShape();
        long rows = shape.get(0);
        long width = shape.size() / Math.max(rows, 1);
        NDArray flat = table.reshape(rows, width);
        NDArray ids = index.toType(DataType.INT64, false);
        NDArray picked = ids.getNDArrayInternal().embedding(ids, flat, SparseFormat.DENSE).singletonOrThrow();
        long[] out = shape.getShape().clone();
        out[0] = index.getShape().get(0);
        return picked.reshape(new Shape(out));
    }
}
