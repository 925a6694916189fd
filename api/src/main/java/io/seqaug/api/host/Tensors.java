package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Two operations that DJL's PyTorch engine gets wrong in its obvious form.
 *
 * <p>{@code NDManager.create(...)} wraps a Java direct buffer without copying it; the buffer lives
 * as long as the Java array object. Arithmetic with a Java number ({@code x.mul(0.5f)}) builds such
 * a wrapped scalar and closes it right after the operation, but autograd keeps the scalar for the
 * backward pass: under garbage-collection pressure the backward pass read freed memory and training
 * diverged to NaN after a few dozen steps. {@link #scale} keeps its factor alive with the caller's
 * manager; {@link #assign} gives a parameter engine-owned memory instead of a wrapped buffer.
 *
 * <p>A helper for backbones and the host, not something a plugin needs for correctness: the host
 * applies every {@link LossTerm}'s weight with {@link #scale}, so an augmenter returns unweighted
 * terms with plain-number weights. Use it for a constant factor inside a loss of your own.
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
        NDArray constant = x.getManager().create(new float[] {factor}, new Shape());
        return x.mul(constant);
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
