package io.seqaug.api;

import ai.djl.ndarray.NDArray;

/**
 * Weights the loss of each augmented sequence by how far it strays from the original.
 */
public interface LossWeighting {

    /**
     * Computes per-sequence weights.
     *
     * @param rates augmentation rates, shape {@code [G, B]}: G groups of one batch each
     * @param lambdas the mixing weight of the original sequence, same shape
     * @return weights of the same shape, normalised within each group (the last axis)
     */
    NDArray weights(NDArray rates, NDArray lambdas);
}
