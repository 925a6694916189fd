package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import java.util.Locale;

/**
 * The next-item loss, one object for the host and for every augmenter, so that one setting
 * ({@code seqaug.train.loss}) moves a whole comparison.
 *
 * <p>Both kinds score a hidden state {@code h} against the embedding {@code p} of its target item:
 * <ul>
 *   <li>{@link Kind#BCE}, the published protocol of BASRec, CoSeRec and ICLRec: binary cross-entropy
 *       with one sampled negative {@code n}, {@code -log sigmoid(h.p) - log(1 - sigmoid(h.n))},
 *       written as softplus terms for stability;</li>
 *   <li>{@link Kind#CE}, the protocol of DuoRec and RecBole: softmax cross-entropy over every real
 *       item, {@code logsumexp_i(h.e_i) - h.p}. Written with the target's embedding rather than its
 *       index, a mixed target (a BASRec mixture {@code lambda p_a + (1 - lambda) p_b}) gives exactly
 *       {@code lambda CE(a) + (1 - lambda) CE(b)}; the negatives are not read.</li>
 * </ul>
 *
 * <p>The catalogue of {@code CE} is the rows {@code 1..itemCount} of the item table: neither the
 * padding row nor the reserved extra ids (the mask token) compete with real items. Its logits take
 * {@code positions x itemCount} floats (and as much again for their gradient), so the host computes
 * them at target positions only.
 */
public final class NextItemLoss {

    /** The two losses. */
    public enum Kind {
        /** Binary cross-entropy with one sampled negative per target. */
        BCE,
        /** Softmax cross-entropy over every real item. */
        CE;

        /**
         * The kind named by a setting.
         *
         * @param name {@code bce} or {@code ce}
         * @return the kind
         * @throws IllegalArgumentException for another name
         */
        public static Kind parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "bce" -> BCE;
                case "ce" -> CE;
                default -> throw new IllegalArgumentException("unknown next-item loss '" + name + "' (bce, ce)");
            };
        }

        /**
         * The setting's spelling.
         *
         * @return {@code bce} or {@code ce}
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final NextItemLoss PLAIN_BCE = new NextItemLoss(Kind.BCE, null);

    private final Kind kind;
    private final Backbone backbone;

    private NextItemLoss(Kind kind, Backbone backbone) {
        this.kind = kind;
        this.backbone = backbone;
    }

    /**
     * Binary cross-entropy, which needs no item table.
     *
     * @return the loss
     */
    public static NextItemLoss bce() {
        return PLAIN_BCE;
    }

    /**
     * The loss of a kind for a model.
     *
     * @param kind the kind
     * @param backbone the model whose item table is the catalogue of {@link Kind#CE}
     * @return the loss
     */
    public static NextItemLoss of(Kind kind, Backbone backbone) {
        return kind == Kind.BCE ? PLAIN_BCE : new NextItemLoss(kind, backbone);
    }

    /**
     * Which loss this is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The loss at every position.
     *
     * @param hidden {@code [..., H]} encoder outputs
     * @param positive {@code [..., H]} embeddings of the target items
     * @param negative {@code [..., H]} embeddings of the sampled negatives; not read by {@link Kind#CE}
     * @return {@code [...]}
     */
    public NDArray perPosition(NDArray hidden, NDArray positive, NDArray negative) {
        NDArray posLogit = hidden.mul(positive).sum(new int[] {-1});
        if (kind == Kind.CE) {
            return logSumExp(hidden).subi(posLogit);
        }
        NDArray negLogit = hidden.mul(negative).sum(new int[] {-1});
        // -log(sigmoid(x)) = softplus(-x); -log(1 - sigmoid(x)) = softplus(x)
        return posLogit.neg().getNDArrayInternal().softPlus().addi(negLogit.getNDArrayInternal().softPlus());
    }

    /** {@code [...]}: log of the summed exponentials of {@code h}'s logits over the real items. */
    private NDArray logSumExp(NDArray hidden) {
        int items = backbone.dims().itemCount();
        NDArray table = backbone.itemTable().get(new NDIndex("1:{}", items + 1));
        NDArray logits = hidden.matMul(table.transpose());
        NDArray max = logits.max(new int[] {-1}, true).stopGradient();
        return logits.sub(max).exp().sum(new int[] {-1}).log().add(max.squeeze(-1));
    }

    /**
     * The mean loss over target positions.
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
    public NDArray mean(NDArray hidden, NDArray positive, NDArray negative, NDArray mask, NDArray sequenceWeights) {
        NDArray perPosition = perPosition(hidden, positive, negative);
        NDArray weightedMask = sequenceWeights == null ? mask : mask.mul(sequenceWeights.expandDims(1));
        NDArray total = weightedMask.sum();
        // An all-zero weight vector has no weighted mean; it contributes nothing.
        return perPosition.muli(weightedMask).sum().div(total.add(total.eq(0f).toType(total.getDataType(), false)));
    }

    /**
     * The loss summed over target positions with a factor per sequence, divided by the plain number
     * of target positions: {@code sum_b f_b x sum_l loss_bl / sum mask}. With every factor 1 this is
     * the plain mean of {@link #mean}; unlike the weighted mean, the factors scale the loss as well
     * as choosing which sequences count.
     *
     * @param hidden {@code [N, L, H]} encoder outputs
     * @param positive {@code [N, L, H]} embeddings of the target items
     * @param negative {@code [N, L, H]} embeddings of the sampled negatives
     * @param mask {@code [N, L]} float, 1 at positions with a target
     * @param sequenceFactors {@code [N]} factor of every sequence
     * @return a scalar; zero when the mask is empty
     */
    public NDArray scaledMean(NDArray hidden, NDArray positive, NDArray negative, NDArray mask,
            NDArray sequenceFactors) {
        NDArray count = mask.sum();
        NDArray scaledMask = mask.mul(sequenceFactors.expandDims(1));
        return perPosition(hidden, positive, negative).muli(scaledMask).sum()
                .div(count.add(count.eq(0f).toType(count.getDataType(), false)));
    }

    @Override
    public String toString() {
        return kind.key();
    }
}
