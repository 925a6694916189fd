package io.seqaug.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.Rows;

/**
 * The next-item loss of a batch computed on its target positions only.
 *
 * <p>It equals {@link NextItemLoss#bce} over the padded batch with its target mask (the same terms,
 * summed in another order), without embedding and scoring the padding positions. A batch is padded
 * to its longest sequence, so most of its positions have no target: about four in five for SASRec
 * on Beauty, all but the last for FMLP-Rec's prefixes.
 */
public final class TargetLoss {

    private TargetLoss() {}

    /**
     * Binary cross-entropy of the outputs at the target positions.
     *
     * @param backbone the model, whose item table embeds the targets and negatives
     * @param encoded {@code [B, L, H]} outputs
     * @param positives {@code [B, L]} target ids, 0 where there is no target
     * @param negatives {@code [B, L]} sampled negatives
     * @param hostPositives the same target ids on the host, row-major
     * @return a scalar: the mean over target positions (0 without targets)
     */
    public static NDArray bce(Backbone backbone, NDArray encoded, NDArray positives, NDArray negatives, int[] hostPositives) {
        NDManager manager = positives.getManager();
        int count = 0;
        for (int id : hostPositives) {
            count += id > 0 ? 1 : 0;
        }
        long[] rows = new long[count];
        int next = 0;
        for (int i = 0; i < hostPositives.length; i++) {
            if (hostPositives[i] > 0) {
                rows[next++] = i;
            }
        }
        NDArray index = manager.create(rows);
        long hidden = encoded.getShape().get(encoded.getShape().dimension() - 1);
        Shape targets = new Shape(1, count);
        NDArray outputs = Rows.take(encoded.reshape(-1, hidden), index).reshape(1, count, hidden);
        NDArray positive = backbone.embed(Rows.take(positives.reshape(-1), index).reshape(targets));
        NDArray negative = backbone.embed(Rows.take(negatives.reshape(-1), index).reshape(targets));
        return NextItemLoss.bce(outputs, positive, negative, manager.ones(targets), null);
    }
}
