package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with Java numbers, and parameter assignment, in the forms that DJL's PyTorch engine
 * gets right.
 *
 * <p>{@code NDManager.create(...)} wraps a Java direct buffer without copying it; the buffer lives
 * as long as the Java array object. Arithmetic with a Java number ({@code x.mul(0.5f)},
 * {@code x.div(2f)}, {@code x.maximum(1e-8f)}) builds such a wrapped one-value array and closes it right
 * after the operation, but autograd keeps the value for the backward pass: under garbage-collection
 * pressure the backward pass read freed memory, and training diverged to NaN after a few dozen steps
 * or a gradient came out not finite in about one test run in six. {@link #constant} makes the one-value array
 * in the manager of the array it is combined with, so it lives as long as that array; {@link #scale} is
 * the product with one; {@link #assign} gives a parameter engine-owned memory instead of a wrapped
 * buffer.
 *
 * <p>Every module's code is checked for arithmetic with a number ({@code NumberArithmetic} in the test
 * kit, which {@code PluginTestKit.checkAugmenter} runs on a plugin's code too): write
 * {@code x.div(Tensors.constant(x, 2f))}. Comparisons ({@code ids.gt(0)}) have no backward pass and stay
 * as they are.
 */
public final class Tensors {

    private Tensors() {}

    /**
     * Multiplies by a constant in a way that stays correct through the backward pass.
     *
     * @param x the array (may require gradients)
     * @param factor the constant
     * @return {@code x * factor}, a new array in {@code x}'s manager, which also owns the constant
     */
    public static NDArray scale(NDArray x, float factor) {
        return x.mul(constant(x, factor));
    }

    /**
     * A number as a one-value array that lives as long as {@code x}: the operand to use instead of the
     * number in {@code x.div(2f)}, {@code x.maximum(1e-8f)} or {@code x.muli(-1e9f)}, with the same result
     * to the bit (DJL makes the same single-precision scalar for a {@code float} argument).
     *
     * @param x the array the number will be combined with
     * @param value the number
     * @return a zero-dimensional single-precision array in {@code x}'s manager
     */
    public static NDArray constant(NDArray x, float value) {
        return x.getManager().create(new float[] {value}, new Shape());
    }

    /**
     * The mean of the outputs at real items, per sequence: the mean pooling of ICLRec's intents and of
     * {@code EpochContext.Pooling.MEAN}.
     *
     * @param encoded {@code [N, L, H]} outputs
     * @param ids {@code [N, L]} the ids they encode, 0 at padding
     * @return {@code [N, H]}; a row of zeros for a sequence with no real item
     */
    public static NDArray meanOfItems(NDArray encoded, NDArray ids) {
        NDArray mask = ids.gt(0).toType(DataType.FLOAT32, false);
        NDArray sum = encoded.mul(mask.expandDims(-1)).sum(new int[] {1});
        NDArray counts = mask.sum(new int[] {1}, true);
        return sum.div(counts.maximum(constant(counts, 1f)));
    }

    /**
     * Replaces the values of an array (a parameter, typically) with host values, keeping the Java
     * object, its shape and whether it requires gradients. The values are copied into engine-owned
     * memory, because the array outlives the temporary that carries them in.
     *
     * @param target the array to overwrite
     * @param values row-major values, as many as the array has elements
     */
    public static void assign(NDArray target, float[] values) {
        if (values.length != target.getShape().size()) {
            throw new IllegalArgumentException("expected " + target.getShape().size() + " values for shape "
                    + target.getShape() + ", got " + values.length);
        }
        boolean trainable = target.hasGradient();
        try (NDArray wrapped = target.getManager().create(values, target.getShape())) {
            target.intern(wrapped.duplicate());
        }
        if (trainable) {
            target.setRequiresGradient(true);
        }
    }
}
