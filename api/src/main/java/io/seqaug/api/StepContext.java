package io.seqaug.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.random.RandomGenerator;

/**
 * Everything an augmenter sees of one training step.
 *
 * <p>Arrays live in {@code manager}, which is closed when the step ends; an augmenter creates its
 * own arrays there too. The augmenter's views of this batch (what its {@code augmentExample}
 * returned on the loader thread) arrive uploaded once, as arrays.
 *
 * @param manager the step's manager
 * @param backbone the model being trained
 * @param inputs {@code [B, L]} input ids
 * @param targetMask {@code [B, L]} float, 1 where a next-item target exists
 * @param targets the same positions on the host, to gather them instead of scoring the padding
 * @param inputEmbeddings {@code [B, L, H]} {@code backbone.embed(inputs)}, computed once per step
 * @param positiveEmbeddings {@code [B, L, H]} embeddings of the next-item targets
 * @param negativeEmbeddings {@code [B, L, H]} embeddings of the sampled negatives
 * @param encoded {@code [B, L, H]} the backbone's output for {@code inputs} in training mode
 * @param viewIds {@code [copies * B, L]} the views' ids, copy-major (rows {@code c * B .. c * B + B - 1}
 *     are copy {@code c} of every sequence), left-padded like {@code inputs}; {@code null} when the
 *     augmenter declares no views
 * @param viewRates {@code [copies, B]} the rate each view was made with; {@code null} without views
 * @param rng a generator seeded for this step
 */
public record StepContext(NDManager manager, Backbone backbone, NDArray inputs, NDArray targetMask,
        TargetPositions targets, NDArray inputEmbeddings, NDArray positiveEmbeddings, NDArray negativeEmbeddings, NDArray encoded,
        NDArray viewIds, NDArray viewRates, RandomGenerator rng) {

    /**
     * A step's context, with the batch's views uploaded once.
     *
     * @param manager the step's manager
     * @param backbone the model being trained
     * @param batch the batch, whose views (if any) are uploaded into {@code manager}
     * @param arrays the batch's arrays ({@link BatchArrays#upload}): inputs and target positions
     * @param inputEmbeddings {@code [B, L, H]}
     * @param positiveEmbeddings {@code [B, L, H]}
     * @param negativeEmbeddings {@code [B, L, H]}
     * @param encoded {@code [B, L, H]}
     * @param rng the step's generator
     * @return the context
     */
    public static StepContext of(NDManager manager, Backbone backbone, SequenceBatch batch, BatchArrays arrays,
            NDArray inputEmbeddings, NDArray positiveEmbeddings, NDArray negativeEmbeddings,
            NDArray encoded, RandomGenerator rng) {
        ViewBatch views = batch.views();
        NDArray ids = null;
        NDArray rates = null;
        if (views != null) {
            ids = manager.create(views.items(), new Shape((long) views.viewsPerExample() * views.batchSize(), views.length()));
            rates = manager.create(views.rates(), new Shape(views.viewsPerExample(), views.batchSize()));
        }
        return new StepContext(manager, backbone, arrays.inputs(), arrays.targetMask(), arrays.targets(), inputEmbeddings,
                positiveEmbeddings,
                negativeEmbeddings, encoded, ids, rates, rng);
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
}
