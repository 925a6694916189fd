package io.seqaug.api;

import ai.djl.ndarray.NDArray;

/**
 * The recommendation loss of the published protocol, shared by the trainer and by augmenters so
 * that every term is computed the same way.
 *
 * <p>Binary cross-entropy on the dot products of hidden states with one positive and one negative
 * item embedding per target position, averaged over target positions:
 * {@code -log sigmoid(h.p) - log(1 - sigmoid(h.n))}, written as softplus terms for stability.
 */
public final class NextItemLoss {

    private NextItemLoss() {}

    /**
     * Binary cross-entropy over target positions.
     *
     * @param hidden {@code [N, L, H]} encoder outputs
     * @param positive {@code [N, L, H]} embeddings of the target items
     * @param negative {@code [N, L, H]} embeddings of the sampled negatives
     * @param mask {@code [N, L]} float, 1 at positions with a target
     * @param sequenceWeights {@code [N]} weight of every sequence, or {@code null} for 1
     * @return a scalar: the mean over target positions, or with weights the weighted mean (every
     *     position of sequence b counts {@code w_b} times), so that weights decide which sequences
     *     matter without shrinking the loss when most weights are small
     */
    public static NDArray bce(NDArray hidden, NDArray positive, NDArray negative, NDArray mask,
            NDArray sequenceWeights) {
        NDArray perPosition = perPosition(hidden, positive, negative);
        NDArray weightedMask = sequenceWeights == null ? mask : mask.mul(sequenceWeights.expandDims(1));
        NDArray total = weightedMask.sum();
        // An all-zero weight vector has no weighted mean; it contributes nothing.
        return perPosition.muli(weightedMask).sum().div(total.add(total.eq(0f).toType(total.getDataType(), false)));
    }

    /**
     * Binary cross-entropy summed over target positions with a factor per sequence, divided by the
     * plain number of target positions: {@code sum_b f_b x sum_l loss_bl / sum mask}. With every
     * factor 1 this is the plain mean of {@link #bce}; unlike the weighted mean, the factors scale
     * the loss as well as choosing which sequences count.
     *
     * @param hidden {@code [N, L, H]} encoder outputs
     * @param positive {@code [N, L, H]} embeddings of the target items
     * @param negative {@code [N, L, H]} embeddings of the sampled negatives
     * @param mask {@code [N, L]} float, 1 at positions with a target
     * @param sequenceFactors {@code [N]} factor of every sequence
     * @return a scalar; zero when the mask is empty
     */
    public static NDArray bceScaled(NDArray hidden, NDArray positive, NDArray negative, NDArray mask,
            NDArray sequenceFactors) {
        NDArray count = mask.sum();
        NDArray scaledMask = mask.mul(sequenceFactors.expandDims(1));
        return perPosition(hidden, positive, negative).muli(scaledMask).sum()
                .div(count.add(count.eq(0f).toType(count.getDataType(), false)));
    }

    /** {@code [N, L]}: {@code -log sigmoid(h.p) - log(1 - sigmoid(h.n))} at every position. */
    private static NDArray perPosition(NDArray hidden, NDArray positive, NDArray negative) {
        NDArray posLogit = hidden.mul(positive).sum(new int[] {-1});
        NDArray negLogit = hidden.mul(negative).sum(new int[] {-1});
        // -log(sigmoid(x)) = softplus(-x); -log(1 - sigmoid(x)) = softplus(x)
        return posLogit.neg().getNDArrayInternal().softPlus().addi(negLogit.getNDArrayInternal().softPlus());
    }
}
