package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.host.Rows;
import io.seqaug.api.host.Tensors;

import java.util.Arrays;
import java.util.Locale;

/**
 * How BASRec's single-sequence loss turns the per-sequence weights of the augmented copies into one
 * number ({@code seqaug.augmenter.basrec.single-reduction}).
 *
 * <p>Both reductions sum one term per copy. They differ in that term, for a copy {@code c} whose
 * sequences carry the min-max normalised weights {@code w_cb}:
 * <ul>
 *   <li>{@link #PUBLISHED}: {@code (sum_b w_cb) x mean BCE of copy c}. This is what the authors'
 *       code computes (its weight vector broadcasts against the flattened per-position loss), and
 *       what their published numbers come from. Every sequence of the copy
 *       counts equally; the weights only scale the copy's term as a whole.</li>
 *   <li>{@link #WEIGHTED_MEAN}: {@code sum_bl w_cb loss_bl / sum_bl w_cb}, a per-sequence weighted
 *       mean at the usual scale of one BCE, a literal reading of the paper's per-sequence
 *       weighting. Since {@code 1 / (lambda x rate)} has a long tail (Beta draws near 0), most
 *       normalised weights are near 0 and a few sequences dominate each copy's term. On Beauty it
 *       gave about a third of the published reduction's gain (see the README).</li>
 * </ul>
 */
public enum SingleReduction {
    /** The authors' computation: each copy's plain mean BCE times the sum of its weights. */
    PUBLISHED,
    /** The per-sequence weighted mean of each copy's BCE. */
    WEIGHTED_MEAN;

    /**
     * The setting's value.
     *
     * @return {@code published} or {@code weighted-mean}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a setting.
     *
     * @param key {@code published} or {@code weighted-mean}
     * @return the reduction
     * @throws IllegalArgumentException naming the valid values
     */
    public static SingleReduction parse(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("seqaug.augmenter.basrec.single-reduction must be one of "
                        + String.join(", ", keys()) + ", got '" + key + "'"));
    }

    /**
     * The configuration names of all reductions.
     *
     * @return {@code published}, {@code weighted-mean}
     */
    public static String[] keys() {
        return Arrays.stream(values()).map(SingleReduction::key).toArray(String[]::new);
    }

    /**
     * The single-sequence loss of a batch of copies, from the copies' outputs at the original's
     * target positions (the same terms as over the padded batch with its target mask).
     *
     * @param loss the host's next-item loss
     * @param outputs {@code [copies, N, H]} encoder outputs of every copy at the {@code N} target positions
     * @param positive {@code [N, H]} target embeddings (the original's targets)
     * @param negative {@code [N, H]} negative embeddings
     * @param weights {@code [copies, B]} normalised weight of every sequence of every copy
     * @param targetSequences {@code [N]} int64: the sequence {@code b} of each target position
     * @return a scalar: the sum over copies of each copy's term
     */
    public NDArray loss(NextItemLoss loss, NDArray outputs, NDArray positive, NDArray negative, NDArray weights, NDArray targetSequences) {
        long copies = weights.getShape().get(0);
        long targets = targetSequences.getShape().get(0);
        NDArray mean;
        if (this == PUBLISHED) {
            // Every position of copy c gets the factor sum_b w_cb; the result is the mean over all
            // copies' positions, so the per-copy mean needs the factor `copies` below.
            NDArray perCopy = weights.sum(new int[] {1});
            mean = loss.scaledMean(outputs, positive, negative, outputs.getManager().ones(new Shape(copies, targets)),
                    perCopy);
        } else {
            // [copies, N]: the weight of each target position's sequence
            NDArray perTarget = Rows.take(weights.transpose(), targetSequences).transpose();
            mean = loss.mean(outputs, positive, negative, perTarget, null);
        }
        // Every copy has the same targets, hence the same count: copies x mean = sum of per-copy terms.
        return Tensors.scale(mean, copies);
    }
}
