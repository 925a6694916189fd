package io.seqaug.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.training.initializer.Initializer;

/** Weight initialisers matching the published models, drawn from the engine's seeded generator. */
final class Init {

    private Init() {}

    /**
     * Normal with mean 0.
     *
     * @param std the standard deviation
     * @return the initializer
     */
    static Initializer normal(double std) {
        return (manager, shape, type) -> manager.randomNormal(0f, (float) std, shape, type);
    }

    /**
     * Normal like {@link #normal} but with row 0 (the padding item) set to zero.
     *
     * @param std the standard deviation
     * @return the initializer
     */
    static Initializer normalZeroPadding(double std) {
        return (manager, shape, type) -> zeroFirstRow(manager.randomNormal(0f, (float) std, shape, type));
    }

    /**
     * Xavier (Glorot) normal for a {@code [fanOut, fanIn]} matrix, every row random (GRU4Rec's item
     * table with the published padding treatment).
     *
     * @return the initializer
     */
    static Initializer xavierNormal() {
        return (manager, shape, type) -> {
            double std = Math.sqrt(2.0 / (shape.get(0) + shape.get(1)));
            return manager.randomNormal(0f, (float) std, shape, type);
        };
    }

    /**
     * Xavier (Glorot) normal for a {@code [fanOut, fanIn]} matrix, with row 0 zero: GRU4Rec's item
     * table.
     *
     * @return the initializer
     */
    static Initializer xavierNormalZeroPadding() {
        return (manager, shape, type) -> {
            double std = Math.sqrt(2.0 / (shape.get(0) + shape.get(1)));
            return zeroFirstRow(manager.randomNormal(0f, (float) std, shape, type));
        };
    }

    /**
     * Xavier (Glorot) uniform for a {@code [fanOut, fanIn]} matrix.
     *
     * @return the initializer
     */
    static Initializer xavierUniform() {
        return (manager, shape, type) -> {
            float bound = (float) Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
            return manager.randomUniform(-bound, bound, shape, type);
        };
    }

    /**
     * PyTorch's default for linear layers: uniform in +-1/sqrt(fanIn).
     *
     * @param fanIn the input width
     * @return the initializer
     */
    static Initializer torchLinearDefault(long fanIn) {
        return (manager, shape, type) -> {
            float bound = (float) (1.0 / Math.sqrt(fanIn));
            return manager.randomUniform(-bound, bound, shape, type);
        };
    }

    private static NDArray zeroFirstRow(NDArray table) {
        table.set(new ai.djl.ndarray.index.NDIndex("0"), 0f);
        return table;
    }
}
