package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.random.RandomGenerator;

/**
 * Decides what a mixup mixes: the shape of its lambda says whether one weight covers a whole
 * sequence, one item position or one hidden feature.
 */
public interface MixupStrategy {

    /**
     * Samples mixing weights for tensors of a given shape.
     *
     * @param manager where the lambda array is created
     * @param shape the {@code [B, L, H]} shape of the tensors to mix
     * @param rng the caller's seeded generator
     * @return lambda broadcastable to {@code shape}: {@code [B, L, 1]}, {@code [B, 1, H]} or
     *     {@code [B, 1, 1]}, values in [0, 1]
     */
    NDArray sampleLambda(NDManager manager, Shape shape, RandomGenerator rng);

    /**
     * Mixes two tensors: {@code lambda * a + (1 - lambda) * b}.
     *
     * @param a the first tensor
     * @param b the second tensor, same shape as {@code a}
     * @param lambda weights from {@link #sampleLambda}
     * @return the mixture, attached to {@code a}'s manager
     */
    default NDArray mix(NDArray a, NDArray b, NDArray lambda) {
        // b + lambda * (a - b) is the same mixture with one multiplication fewer.
        return a.sub(b).muli(lambda).addi(b);
    }
}
