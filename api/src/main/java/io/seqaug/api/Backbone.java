package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;

import java.util.List;

/**
 * A sequence encoder with an item embedding table that doubles as the output layer.
 *
 * <p>Inputs are item id matrices {@code [B, L]} (int32 or int64), left-padded with 0, with
 * {@code L <= dims().maxLength()}. A {@linkplain #paddingInvariant() padding-invariant} backbone must
 * give the same outputs at real items whatever the amount of left padding, so that a batch may be
 * padded only to its longest sequence; position ids therefore count from the right end.
 *
 * <p>All results are attached to the manager of the id or embedding array passed in, never to the
 * parameters' manager, so that closing a step's manager frees everything the step made.
 */
public interface Backbone {

    /**
     * The sizes this backbone was built for.
     *
     * @return the model dimensions
     */
    ModelDims dims();

    /**
     * Whether the output at position t depends only on positions up to t.
     *
     * <p>Causal backbones are trained with a next-item target at every position; non-causal ones
     * (FMLP-Rec's FFT filter mixes all positions) are trained on prefixes with the last target only,
     * and always see inputs padded to {@code maxLength}.
     *
     * @return true for causal encoders
     */
    boolean causal();

    /**
     * Whether outputs at real items are the same whatever the amount of left padding before them,
     * so that a batch may be padded only to its longest sequence. Backbones that are not are always
     * given inputs padded to {@code maxLength}, as in the published code.
     *
     * @return by default {@link #causal()}
     */
    default boolean paddingInvariant() {
        return causal();
    }

    /**
     * Creates the parameter arrays. Must be called once before any forward method; uses the
     * engine's random generator, which the caller seeds.
     *
     * @param manager the long-lived manager that owns the parameters
     */
    void initialize(NDManager manager);

    /**
     * Every trainable parameter, with unique names, in a stable order.
     *
     * @return the parameters (initialized after {@link #initialize(NDManager)})
     */
    List<Parameter> parameters();

    /**
     * Looks up item embeddings in the shared table.
     *
     * @param itemIds {@code [B, L]} item ids
     * @return {@code [B, L, H]} embeddings; the padding id maps to its table row
     */
    NDArray embed(NDArray itemIds);

    /**
     * Encodes item id sequences.
     *
     * @param itemIds {@code [B, L]} left-padded item ids
     * @param training whether dropout is active
     * @return {@code [B, L, H]} hidden states
     */
    default NDArray encode(NDArray itemIds, boolean training) {
        return encodeEmbedded(embed(itemIds), itemIds, training);
    }

    /**
     * The hidden state at the last position of each sequence, without dropout: what evaluation
     * scores. A backbone may skip work that only other positions need.
     *
     * @param itemIds {@code [B, L]} left-padded item ids whose last position is a real item
     * @return {@code [B, H]}, equal to {@code encode(itemIds, false)} at position {@code L - 1}
     */
    default NDArray encodeLast(NDArray itemIds) {
        return encodeEmbeddedLast(embed(itemIds), itemIds, false);
    }

    /**
     * The hidden state at the last position of each sequence, from embeddings the caller computed.
     *
     * <p>A non-causal backbone is trained on prefixes whose only target is the last position, so its
     * training loss reads nothing else; a backbone may skip work that only other positions need.
     * Without dropout the result equals {@link #encodeEmbedded} at position {@code L - 1} up to
     * rounding; with dropout a backbone that skips work draws fewer random masks, so its random
     * stream may differ from {@code encodeEmbedded}'s.
     *
     * @param embeddings {@code [B, L, H]} item embeddings
     * @param itemIds {@code [B, L]} ids whose zeros mark padding
     * @param training whether dropout is active
     * @return {@code [B, H]} hidden states at position {@code L - 1}
     */
    default NDArray encodeEmbeddedLast(NDArray embeddings, NDArray itemIds, boolean training) {
        long length = itemIds.getShape().get(1);
        return encodeEmbedded(embeddings, itemIds, training).get(new NDIndex(":, {}, :", length - 1));
    }

    /**
     * Runs the encoder on item embeddings that the caller already computed or mixed.
     *
     * <p>Given {@code embed(itemIds)} it must return exactly what {@link #encode} returns. The ids
     * are used only for padding masks.
     *
     * @param embeddings {@code [B, L, H]} item embeddings
     * @param itemIds {@code [B, L]} ids whose zeros mark padding
     * @param training whether dropout is active
     * @return {@code [B, L, H]} hidden states
     */
    NDArray encodeEmbedded(NDArray embeddings, NDArray itemIds, boolean training);

    /**
     * {@link #encodeEmbedded} for callers that read the outputs at real items only, such as
     * augmented copies scored at their targets. A backbone that computes outputs at padding
     * positions (which only cross-sequence mixing reads) may skip them here and return zeros there;
     * outputs at real items equal {@code encodeEmbedded}'s without dropout, while with dropout the
     * random stream may differ.
     *
     * @param embeddings {@code [B, L, H]} item embeddings
     * @param itemIds {@code [B, L]} ids whose zeros mark padding
     * @param training whether dropout is active
     * @return {@code [B, L, H]} hidden states, defined at real items
     */
    default NDArray encodeEmbeddedAtItems(NDArray embeddings, NDArray itemIds, boolean training) {
        return encodeEmbedded(embeddings, itemIds, training);
    }

    /**
     * The item embedding table, also used to score items.
     *
     * @return {@code [dims().tableRows(), H]}
     */
    NDArray itemTable();

    /**
     * Scores every item of the table against hidden states.
     *
     * @param hidden {@code [..., H]} hidden states
     * @return {@code [..., dims().tableRows()]} dot products with every item embedding
     */
    default NDArray scoreAll(NDArray hidden) {
        // The transposed view belongs to the table's long-lived manager: free it here, not with the model.
        try (NDArray transposed = itemTable().transpose()) {
            return hidden.matMul(transposed);
        }
    }

    /**
     * An estimate of the floating-point work of one forward pass over one sequence of
     * {@code length} real items (no padding), a multiply-add counting as two operations. Used only
     * by speed reports, to say how close training runs to the machine's arithmetic rate. For a
     * non-causal backbone, the pass of {@link #encodeEmbeddedLast}, which its training and
     * evaluation run.
     *
     * @param length real items in the sequence
     * @return operations, or 0 when the backbone does not say
     */
    default double forwardFlops(int length) {
        return 0;
    }
}
