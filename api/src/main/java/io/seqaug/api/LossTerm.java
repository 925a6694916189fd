package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.host.Tensors;

/**
 * One named scalar loss that an augmenter adds to the recommendation loss, with its weight.
 *
 * <p>The host multiplies the value by the weight in a way that stays correct through the backward
 * pass, so an augmenter never weights its losses itself. The name appears in progress output and in
 * the epoch log (with the weighted value), so that a reader can see what each part contributes.
 *
 * @param name short identifier such as {@code single-seq} or {@code cross-item-wise}
 * @param value a scalar NDArray attached to the step's manager, unweighted
 * @param weight the factor the host applies, finite and at least 0
 */
public record LossTerm(String name, NDArray value, double weight) {

    /** Rejects a weight that is negative, infinite or NaN. */
    public LossTerm {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("loss term '" + name + "': weight must be finite and >= 0, got " + weight);
        }
    }

    /**
     * A term with weight 1.
     *
     * @param name its identifier
     * @param value the scalar loss
     */
    public LossTerm(String name, NDArray value) {
        this(name, value, 1.0);
    }

    /**
     * The weighted loss, as the host adds it to the total: multiplied in a way that stays correct
     * through the backward pass (see {@link Tensors#scale}).
     *
     * @return {@code weight * value}
     */
    public NDArray weighted() {
        return weight == 1.0 ? value : Tensors.scale(value, (float) weight);
    }
}
