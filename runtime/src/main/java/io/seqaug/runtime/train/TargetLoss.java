package io.seqaug.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.api.BatchArrays;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.Rows;
import io.seqaug.api.TargetPositions;

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
     * @param batch the batch's arrays: targets, negatives and {@link BatchArrays#targetRows()}
     * @return a scalar: the mean over target positions (0 without targets)
     */
    public static NDArray bce(Backbone backbone, NDArray encoded, BatchArrays batch) {
        long hidden = encoded.getShape().get(encoded.getShape().dimension() - 1);
        return atTargets(backbone, Rows.take(encoded.reshape(-1, hidden), batch.targetRows()), batch);
    }

    /**
     * Binary cross-entropy of the outputs at the last position, for batches of prefixes whose only
     * target is their last position ({@link TargetPositions#lastPositionsOnly()}), such as those of
     * non-causal backbones.
     *
     * @param backbone the model, whose item table embeds the targets and negatives
     * @param last {@code [B, H]} outputs at the last position
     * @param batch the batch's arrays
     * @return a scalar: the mean over the batch's rows, equal to {@link #bce} of the full outputs
     * @throws IllegalArgumentException if a row has a target elsewhere or none
     */
    public static NDArray bceAtLast(Backbone backbone, NDArray last, BatchArrays batch) {
        TargetPositions targets = batch.targets();
        if (!targets.lastPositionsOnly()) {
            throw new IllegalArgumentException("the loss at the last position needs exactly one target per row, at position "
                    + (targets.length() - 1));
        }
        // the target rows are the rows' last positions, in order: the outputs are already gathered
        return atTargets(backbone, last, batch);
    }

    /** The mean BCE of {@code [N, H]} outputs at the batch's N target positions, in their order. */
    private static NDArray atTargets(Backbone backbone, NDArray outputs, BatchArrays batch) {
        NDArray rows = batch.targetRows();
        long count = rows.getShape().get(0);
        Shape targets = new Shape(1, count);
        NDArray positive = backbone.embed(Rows.take(batch.positives().reshape(-1), rows).reshape(targets));
        NDArray negative = backbone.embed(Rows.take(batch.negatives().reshape(-1), rows).reshape(targets));
        return NextItemLoss.bce(outputs.reshape(1, count, outputs.getShape().get(1)), positive, negative,
                rows.getManager().ones(targets), null);
    }
}
