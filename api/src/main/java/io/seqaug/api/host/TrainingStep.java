package io.seqaug.api.host;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmenter;
import io.seqaug.api.Backbone;
import io.seqaug.api.LossTerm;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.StepContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The forward pass of one training step, the one the host trains with and {@code PluginTestKit}
 * checks plugins with: the batch's embeddings, the backbone's outputs, the next-item loss at the
 * target positions, and the augmenter's terms over the same arrays.
 *
 * <p>Call it inside an open {@code GradientCollector}; the caller chooses what to run backward
 * (the host: {@link Losses#total()}) and when to update the parameters. Every array it makes lives in
 * the given manager.
 */
public final class TrainingStep {

    private final Backbone backbone;
    private final NextItemLoss loss;
    private final boolean lastPositionRule;

    /**
     * A step for one model and loss, with the last-position rule.
     *
     * @param backbone the model being trained
     * @param loss the next-item loss
     */
    public TrainingStep(Backbone backbone, NextItemLoss loss) {
        this(backbone, loss, true);
    }

    /**
     * A step for one model and loss.
     *
     * @param backbone the model being trained
     * @param loss the next-item loss
     * @param lastPositionRule whether a batch whose targets are all at the last position (prefixes)
     *     computes the last position only with an augmenter too ({@code train.prefix-augmentation =
     *     last-position}); false computes every position whenever an augmenter is active, as before
     *     the rule
     */
    public TrainingStep(Backbone backbone, NextItemLoss loss, boolean lastPositionRule) {
        this.backbone = backbone;
        this.loss = loss;
        this.lastPositionRule = lastPositionRule;
    }

    /**
     * The losses of one step, before the backward pass.
     *
     * @param recommendation the next-item loss of the batch, a scalar
     * @param terms the augmenter's terms, in its order (empty without an augmenter)
     * @param weighted each term's weighted value, in the same order
     */
    public record Losses(NDArray recommendation, List<LossTerm> terms, List<NDArray> weighted) {

        /**
         * What the host runs backward: the recommendation loss plus every weighted term, added in order.
         *
         * @return a scalar
         */
        public NDArray total() {
            NDArray total = recommendation;
            for (NDArray w : weighted) {
                total = total.add(w);
            }
            return total;
        }

        /**
         * The values reported per epoch: {@code rec}, then each term's weighted value by name
         * (terms with one name added up).
         *
         * @return scalars by name, in order
         */
        public Map<String, NDArray> byName() {
            Map<String, NDArray> named = new LinkedHashMap<>();
            named.put("rec", recommendation);
            for (int i = 0; i < terms.size(); i++) {
                named.merge(terms.get(i).name(), weighted.get(i), NDArray::add);
            }
            return named;
        }
    }

    /**
     * Runs the forward pass of one batch.
     *
     * @param manager the step's manager
     * @param batch the batch, with the augmenter's views when it declares some
     * @param augmenter the augmenter active in this stage, or {@code null}
     * @param rng the step's generator, handed to the augmenter
     * @return the losses
     */
    public Losses forward(NDManager manager, SequenceBatch batch, Augmenter augmenter, RandomGenerator rng) {
        BatchArrays arrays = BatchArrays.upload(manager, batch);
        NDArray inputs = arrays.inputs();
        // Input embeddings are looked up once and shared with the augmenter.
        NDArray embedded = backbone.embed(inputs);
        NDArray encoded = null;
        NDArray outputs;
        boolean lastOnly = arrays.targets().lastPositionsOnly() && (augmenter == null || lastPositionRule);
        if (lastOnly) {
            // Prefixes (non-causal backbones): each row's only target is its last position.
            outputs = backbone.encodeEmbeddedLast(embedded, inputs, true);
        } else {
            encoded = backbone.encodeEmbedded(embedded, inputs, true);
            outputs = encoded;
        }
        NDArray rec = StepContext.nextItemLoss(outputs, backbone, loss, arrays.positives(), arrays.negatives(),
                arrays.targets(), arrays.targetRows(), manager);
        if (augmenter == null) {
            return new Losses(rec, List.of(), List.of());
        }
        StepContext context = context(manager, batch, arrays, embedded, encoded, lastOnly ? outputs : null, lastOnly, rng);
        List<LossTerm> terms = augmenter.losses(context);
        if (terms == null) {
            throw new IllegalStateException(augmenter.getClass().getName() + ".losses returned null; return List.of()"
                    + " to add nothing");
        }
        List<NDArray> weighted = new ArrayList<>(terms.size());
        for (LossTerm term : terms) {
            if (!term.value().getShape().isScalar()) {
                throw new IllegalStateException(augmenter.getClass().getName() + ": loss term '" + term.name()
                        + "' is not a scalar but " + term.value().getShape());
            }
            weighted.add(term.weighted());
        }
        return new Losses(rec, List.copyOf(terms), weighted);
    }

    private StepContext context(NDManager manager, SequenceBatch batch, BatchArrays arrays, NDArray embedded,
            NDArray encoded, NDArray encodedLast, boolean lastOnly, RandomGenerator rng) {
        ViewBatch views = batch.views();
        NDArray ids = null;
        NDArray rates = null;
        if (views != null) {
            ids = manager.create(views.items(), new Shape((long) views.viewsPerExample() * views.batchSize(), views.length()));
            rates = manager.create(views.rates(), new Shape(views.viewsPerExample(), views.batchSize()));
        }
        return new StepContext(manager, backbone, loss, arrays.inputs(), arrays.targetMask(), arrays.targets(),
                arrays.targetRows(), arrays.positives(), arrays.negatives(), embedded, null, null, encoded, encodedLast,
                lastOnly, ids, rates, rng);
    }
}
