package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Rows;

import java.util.random.RandomGenerator;

/**
 * Everything an augmenter sees of one training step. The host makes it; an augmenter reads it.
 *
 * <p>Arrays live in {@link #manager()}, which is closed when the step ends; an augmenter creates
 * its own arrays there too. The augmenter's views of this batch (what its {@code augmentExample}
 * returned on the loader thread) arrive uploaded once, as arrays.
 *
 * <p>Augmenters score next-item predictions with {@link #nextItemLoss(NDArray)} (or, for their own
 * masks and weights, {@link #loss()}), which is the loss the host trains with, so that the setting
 * {@code seqaug.train.loss} moves the augmenter's terms with the host's.
 */
public final class StepContext {

    private final NDManager manager;
    private final Backbone backbone;
    private final NextItemLoss loss;
    private final NDArray inputs;
    private final NDArray targetMask;
    private final TargetPositions targets;
    private final NDArray targetRows;
    private final NDArray positiveIds;
    private final NDArray negativeIds;
    private final NDArray inputEmbeddings;
    private NDArray positiveEmbeddings;
    private NDArray negativeEmbeddings;
    private NDArray encoded;
    private NDArray encodedLast;
    private final boolean lastPositionsOnly;
    private final NDArray viewIds;
    private final NDArray viewRates;
    private final RandomGenerator rng;

    /**
     * The host's constructor.
     *
     * @param manager the step's manager
     * @param backbone the model being trained
     * @param loss the next-item loss the host trains with
     * @param inputs {@code [B, L]} input ids
     * @param targetMask {@code [B, L]} float, 1 where a next-item target exists
     * @param targets the same positions on the host, to gather them instead of scoring the padding
     * @param targetRows {@code [N]} int64: {@code targets.rows()} uploaded once for the step
     * @param positiveIds {@code [B, L]} the next-item target ids (0 = none)
     * @param negativeIds {@code [B, L]} the sampled negative ids (0 = none)
     * @param inputEmbeddings {@code [B, L, H]} {@code backbone.embed(inputs)}, computed once per step
     * @param positiveEmbeddings {@code [B, L, H]} embeddings of the next-item targets, or {@code null} to
     *     look them up on first use (most augmenters never read them)
     * @param negativeEmbeddings {@code [B, L, H]} embeddings of the sampled negatives, or {@code null}
     *     likewise
     * @param encoded {@code [B, L, H]} the backbone's output for {@code inputs} in training mode, or
     *     {@code null} to compute it on first use (a batch whose targets are all at the last position
     *     has only {@code encodedLast})
     * @param encodedLast {@code [B, H]} the output at the last position, or {@code null} to read it
     *     from {@code encoded}
     * @param lastPositionsOnly whether every row's only target is at the last position and the step
     *     computed the last position only: augmenters then score last-position outputs
     *     ({@link #lastPositionsOnly()})
     * @param viewIds {@code [copies * B, L]} the views' ids, or {@code null} without views
     * @param viewRates {@code [copies, B]} the rate each view was made with, or {@code null}
     * @param rng a generator seeded for this step
     */
    public StepContext(NDManager manager, Backbone backbone, NextItemLoss loss, NDArray inputs, NDArray targetMask,
            TargetPositions targets, NDArray targetRows, NDArray positiveIds, NDArray negativeIds, NDArray inputEmbeddings,
            NDArray positiveEmbeddings, NDArray negativeEmbeddings, NDArray encoded, NDArray encodedLast,
            boolean lastPositionsOnly, NDArray viewIds, NDArray viewRates, RandomGenerator rng) {
        this.manager = manager;
        this.backbone = backbone;
        this.loss = loss;
        this.inputs = inputs;
        this.targetMask = targetMask;
        this.targets = targets;
        this.targetRows = targetRows;
        this.positiveIds = positiveIds;
        this.negativeIds = negativeIds;
        this.inputEmbeddings = inputEmbeddings;
        this.positiveEmbeddings = positiveEmbeddings;
        this.negativeEmbeddings = negativeEmbeddings;
        this.encoded = encoded;
        this.encodedLast = encodedLast;
        this.lastPositionsOnly = lastPositionsOnly;
        this.viewIds = viewIds;
        this.viewRates = viewRates;
        this.rng = rng;
    }

    /**
     * The step's manager, closed when the step ends.
     *
     * @return the manager
     */
    public NDManager manager() {
        return manager;
    }

    /**
     * The model being trained.
     *
     * @return the backbone
     */
    public Backbone backbone() {
        return backbone;
    }

    /**
     * The next-item loss the host trains with ({@code seqaug.train.loss}).
     *
     * @return the loss
     */
    public NextItemLoss loss() {
        return loss;
    }

    /**
     * The batch's inputs.
     *
     * @return {@code [B, L]} item ids, left-padded with 0
     */
    public NDArray inputs() {
        return inputs;
    }

    /**
     * Where the batch has next-item targets.
     *
     * @return {@code [B, L]} float, 1 at a target
     */
    public NDArray targetMask() {
        return targetMask;
    }

    /**
     * The target positions on the host.
     *
     * @return the positions
     */
    public TargetPositions targets() {
        return targets;
    }

    /**
     * The next-item target of every position.
     *
     * @return {@code [B, L]} item ids, 0 where there is no target
     */
    public NDArray positiveIds() {
        return positiveIds;
    }

    /**
     * The embeddings of the inputs, computed once per step and shared with the host's loss.
     *
     * @return {@code [B, L, H]}
     */
    public NDArray inputEmbeddings() {
        return inputEmbeddings;
    }

    /**
     * The embeddings of the next-item targets.
     *
     * @return {@code [B, L, H]}
     */
    public NDArray positiveEmbeddings() {
        if (positiveEmbeddings == null) {
            positiveEmbeddings = backbone.embed(positiveIds);
        }
        return positiveEmbeddings;
    }

    /**
     * The embeddings of the sampled negatives.
     *
     * @return {@code [B, L, H]}
     */
    public NDArray negativeEmbeddings() {
        if (negativeEmbeddings == null) {
            negativeEmbeddings = backbone.embed(negativeIds);
        }
        return negativeEmbeddings;
    }

    /**
     * The backbone's training-mode output for the inputs at every position. In a batch of
     * {@link #lastPositionsOnly()} it is computed on first use, by a second forward pass with its
     * own dropout masks; read {@link #encodedLast()} there instead.
     *
     * @return {@code [B, L, H]}
     */
    public NDArray encoded() {
        if (encoded == null) {
            encoded = backbone.encodeEmbedded(inputEmbeddings, inputs, true);
        }
        return encoded;
    }

    /**
     * The backbone's training-mode output at the last position: in a batch of
     * {@link #lastPositionsOnly()}, the output the host's loss scored.
     *
     * @return {@code [B, H]}
     */
    public NDArray encodedLast() {
        if (encodedLast == null) {
            encodedLast = encoded.get(new NDIndex(":, -1, :"));
        }
        return encodedLast;
    }

    /**
     * Whether every row's only target is at its last position and the step computed that position
     * only, as for the prefixes non-causal backbones (FMLP-Rec) train on. Augmenters should then read
     * what they need and no more: {@link #encodedLast()}, the target embeddings at the last position,
     * and {@link #encodeLast} for their own views. BASRec's terms are then the published terms
     * evaluated at the last position.
     *
     * @return true for such a batch
     */
    public boolean lastPositionsOnly() {
        return lastPositionsOnly;
    }

    /**
     * The augmenter's views of this batch, copy-major: rows {@code c * B .. c * B + B - 1} are copy
     * {@code c} of every sequence, left-padded like {@link #inputs()}.
     *
     * @return {@code [copies * B, L]}, or {@code null} when the augmenter declares no views
     */
    public NDArray viewIds() {
        return viewIds;
    }

    /**
     * The rate each view was made with.
     *
     * @return {@code [copies, B]}, or {@code null} without views
     */
    public NDArray viewRates() {
        return viewRates;
    }

    /**
     * A generator seeded for this step.
     *
     * @return the generator
     */
    public RandomGenerator rng() {
        return rng;
    }

    /**
     * How many sequences the batch has.
     *
     * @return B
     */
    public int batchSize() {
        return (int) inputs.getShape().get(0);
    }

    /**
     * How many views each sequence has.
     *
     * @return {@code copies}, or 0 without views
     */
    public int copies() {
        return viewRates == null ? 0 : (int) viewRates.getShape().get(0);
    }

    /**
     * The views, or a clear error when the augmenter expected some and got none.
     *
     * @return {@link #viewIds()}
     * @throws IllegalStateException without views
     */
    public NDArray requireViews() {
        if (viewIds == null) {
            throw new IllegalStateException("the augmenter expected views in the batch, but it declares viewsPerExample() = 0");
        }
        return viewIds;
    }

    /**
     * Item embeddings, as the model looks them up.
     *
     * @param ids {@code [N, L]} item ids
     * @return {@code [N, L, H]}
     */
    public NDArray embed(NDArray ids) {
        return backbone.embed(ids);
    }

    /**
     * The model's training-mode output for embedded sequences (for example noisy or mixed
     * embeddings of {@code ids}).
     *
     * @param embeddings {@code [N, L, H]}
     * @param ids {@code [N, L]} the ids they stand for (their padding decides the attention mask)
     * @return {@code [N, L, H]}
     */
    public NDArray encode(NDArray embeddings, NDArray ids) {
        return backbone.encodeEmbedded(embeddings, ids, true);
    }

    /**
     * The model's training-mode output at the last position of each sequence, the representation
     * that is scored; a backbone may skip work the other positions need.
     *
     * @param ids {@code [N, L]} item ids
     * @return {@code [N, H]}
     */
    public NDArray encodeLast(NDArray ids) {
        return backbone.encodeEmbeddedLast(backbone.embed(ids), ids, true);
    }

    /**
     * The host's next-item loss of outputs aligned with this batch's inputs, against the batch's
     * targets (for example the outputs of a noisy copy of the inputs), at the target positions only.
     *
     * @param outputs {@code [B, L, H]} outputs aligned with {@link #inputs()}, or {@code [B, H]}
     *     outputs at the last position when every row's only target is there
     *     ({@link TargetPositions#lastPositionsOnly()})
     * @return a scalar: the mean over target positions
     */
    public NDArray nextItemLoss(NDArray outputs) {
        return nextItemLoss(outputs, backbone, loss, positiveIds, negativeIds, targets, targetRows, manager);
    }

    /**
     * The next-item loss of outputs at a batch's target positions, without embedding and scoring the
     * padding: the same terms as {@link NextItemLoss#mean} over the padded batch with its target mask,
     * summed in another order. The host's own recommendation loss is this.
     *
     * @param outputs {@code [B, L, H]}, or {@code [B, H]} at the last position when every row's only
     *     target is there
     * @param backbone the model, whose item table embeds the targets and negatives
     * @param loss the loss
     * @param positiveIds {@code [B, L]} target ids
     * @param negativeIds {@code [B, L]} negative ids
     * @param targets the target positions
     * @param rows {@code [N]} int64: {@code targets.rows()} on the engine
     * @param manager where the gathered rows are made
     * @return a scalar: the mean over target positions (0 without targets)
     * @throws IllegalArgumentException for last-position outputs of a batch with targets elsewhere
     */
    public static NDArray nextItemLoss(NDArray outputs, Backbone backbone, NextItemLoss loss, NDArray positiveIds,
            NDArray negativeIds, TargetPositions targets, NDArray rows, NDManager manager) {
        Shape shape = outputs.getShape();
        long hidden = shape.get(shape.dimension() - 1);
        NDArray atTargets;
        if (shape.dimension() == 2) {
            if (!targets.lastPositionsOnly()) {
                throw new IllegalArgumentException("the loss at the last position needs exactly one target per row, at"
                        + " position " + (targets.length() - 1));
            }
            // the target rows are the rows' last positions, in order: the outputs are already gathered
            atTargets = outputs;
        } else {
            atTargets = Rows.take(outputs.reshape(-1, hidden), rows);
        }
        long count = targets.count();
        Shape flat = new Shape(1, count);
        NDArray positive = backbone.embed(Rows.take(positiveIds.reshape(-1), rows).reshape(flat));
        NDArray negative = loss.kind() == NextItemLoss.Kind.CE ? null
                : backbone.embed(Rows.take(negativeIds.reshape(-1), rows).reshape(flat));
        return loss.mean(atTargets.reshape(1, count, hidden), positive, negative, manager.ones(flat), null);
    }
}
