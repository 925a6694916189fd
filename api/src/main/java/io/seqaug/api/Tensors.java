package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Creates engine arrays from host data with memory that the engine owns, and scales arrays that
 * need gradients safely.
 *
 * <p>On DJL's PyTorch engine, {@code NDManager.create(...)} wraps a Java direct buffer without
 * copying it, and arithmetic with a Java number ({@code x.mul(0.5f)}) builds such a wrapped scalar
 * and closes it right after the operation. Autograd keeps the scalar for the backward pass, but once
 * it is closed nothing on the Java side keeps its buffer alive: under garbage-collection pressure the
 * backward pass read freed memory and training diverged to NaN after a few dozen steps. Arrays made
 * here are copied into engine-owned memory once, and {@link #scale} keeps its factor alive with the
 * caller's manager, which closes it with the step.
 */
public final class Tensors {

    private Tensors() {}

    private static NDArray owned(NDArray wrapped) {
        NDArray copy = wrapped.duplicate();
        wrapped.close();
        return copy;
    }

    /**
     * Multiplies by a constant in a way that stays correct through the backward pass.
     *
     * @param x the array (may require gradients)
     * @param factor the constant
     * @return {@code x * factor}, a new array in {@code x}'s manager
     */
    public static NDArray scale(NDArray x, float factor) {
        NDArray constant = create(x.getManager(), new float[] {factor}, new Shape());
        return x.mul(constant);
    }

    /**
     * Replaces the values of an array (a parameter, typically) with host values, keeping the Java
     * object, its shape and whether it requires gradients. The new values live in engine-owned
     * memory; DJL's {@code set(float[])} is avoided because it goes through a wrapped host buffer.
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
        target.intern(create(target.getManager(), values, target.getShape()));
        if (trainable) {
            target.setRequiresGradient(true);
        }
    }

    /**
     * An int32 array.
     *
     * @param manager the manager that owns the result
     * @param data the values, row-major
     * @param shape the shape
     * @return the array
     */
    public static NDArray create(NDManager manager, int[] data, Shape shape) {
        return owned(manager.create(data, shape));
    }

    /**
     * An int64 array.
     *
     * @param manager the manager that owns the result
     * @param data the values, row-major
     * @param shape the shape
     * @return the array
     */
    public static NDArray create(NDManager manager, long[] data, Shape shape) {
        return owned(manager.create(data, shape));
    }

    /**
     * A float32 array.
     *
     * @param manager the manager that owns the result
     * @param data the values, row-major
     * @param shape the shape
     * @return the array
     */
    public static NDArray create(NDManager manager, float[] data, Shape shape) {
        return owned(manager.create(data, shape));
    }
}
