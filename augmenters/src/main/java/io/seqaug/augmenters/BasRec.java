package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.Backbone;
import io.seqaug.api.LossTerm;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;
import io.seqaug.api.TargetPositions;
import io.seqaug.api.TrainingStage;
import io.seqaug.api.host.Rows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code basrec}: BASRec (Dang et al., AAAI 2025), balanced relevance and diversity.
 *
 * <p><b>Single-sequence augmentation.</b> Every training sequence gets {@code 2 x n-pairs} copies
 * made by the configured operator on the loader thread. The item embeddings of original and copy
 * are mixed, {@code lambda x E(orig) + (1 - lambda) x E(copy)}, the backbone encodes the mixture
 * ({@link Backbone#encodeEmbedded}), and the loss against the original targets is weighted per
 * sequence by the configured weighting of (rate, lambda) and reduced as
 * {@code single-reduction} says ({@link SingleReduction}: by default as the authors' code computes
 * it, each copy's mean BCE times the sum of its weights). As in the published code the copies'
 * losses are summed. All copies go through the encoder in one
 * batched pass.
 *
 * <p><b>Cross-sequence augmentation.</b> The batch's encoder outputs and its positive and negative
 * target embeddings are mixed with a random permutation of the batch, {@code n-whole-level} times
 * with each configured mixup (item-wise and feature-wise by default); each mixture adds a BCE loss.
 *
 * <p>Both losses embed, mix and score the batch's target positions only ({@link TargetPositions}):
 * the same terms as over the padded batch with its target mask, without the padding.
 *
 * <p>Active in stage 2 only. Every part can be switched off or swapped in configuration.
 */
public final class BasRec implements AugmenterProvider {

    @Override
    public String name() {
        return "basrec";
    }

    @Override
    public String description() {
        return "BASRec: single-sequence mixup of operator-augmented copies + cross-sequence output mixup";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        BasRecSettings s = BasRecSettings.from(settings);
        Map<String, Double> rates = Map.of("rate-min", s.rateMin(), "rate-max", s.rateMax());
        Map<String, Double> beta = Map.of("beta", s.beta());
        SequenceOperator operator = s.singleSequence() ? context.operator(s.operator(), rates) : null;
        MixupStrategy singleMixup = s.singleSequence() ? context.mixup(s.singleMixup(), beta) : null;
        LossWeighting weighting = s.singleSequence() ? context.weighting(s.weighting(), Map.of()) : null;
        List<MixupStrategy> crossMixups = new ArrayList<>();
        if (s.crossSequence()) {
            for (String name : s.crossMixups()) {
                crossMixups.add(context.mixup(name, beta));
            }
        }
        return new Instance(s, operator, singleMixup, weighting, crossMixups);
    }

    private static final class Instance implements Augmenter {

        private final BasRecSettings settings;
        private final SequenceOperator operator;
        private final MixupStrategy singleMixup;
        private final LossWeighting weighting;
        private final List<MixupStrategy> crossMixups;

        Instance(BasRecSettings settings, SequenceOperator operator, MixupStrategy singleMixup, LossWeighting weighting,
                List<MixupStrategy> crossMixups) {
            this.settings = settings;
            this.operator = operator;
            this.singleMixup = singleMixup;
            this.weighting = weighting;
            this.crossMixups = crossMixups;
        }

        @Override
        public Set<TrainingStage> activeStages() {
            return EnumSet.of(TrainingStage.AUGMENTED);
        }

        @Override
        public int viewsPerExample() {
            return settings.singleSequence() ? 2 * settings.pairs() : 0;
        }

        @Override
        public List<Augmented> augmentExample(int[] items, RandomGenerator rng) {
            List<Augmented> views = new ArrayList<>(viewsPerExample());
            for (int v = 0; v < viewsPerExample(); v++) {
                views.add(operator.apply(items, rng));
            }
            return views;
        }

        @Override
        public List<LossTerm> losses(StepContext step) {
            List<LossTerm> terms = new ArrayList<>(2);
            TargetPositions targets = step.targets();
            NDManager m = step.manager();
            // [N, H] at the target positions, gathered once for both losses
            NDArray positive = targets.take(step.positiveEmbeddings(), m);
            NDArray negative = targets.take(step.negativeEmbeddings(), m);
            if (settings.singleSequence() && settings.singleWeight() > 0) {
                terms.add(new LossTerm("single-seq", singleSequenceLoss(step, positive, negative), settings.singleWeight()));
            }
            if (settings.crossSequence() && settings.crossWeight() > 0) {
                terms.add(new LossTerm("cross-seq", crossSequenceLoss(step, positive, negative), settings.crossWeight()));
            }
            return terms;
        }

        private NDArray singleSequenceLoss(StepContext step, NDArray positive, NDArray negative) {
            TargetPositions targets = step.targets();
            NDArray viewIds = step.requireViews();
            NDManager m = step.manager();
            Backbone backbone = step.backbone();
            int copies = step.copies();
            int batch = (int) step.inputs().getShape().get(0);
            NDArray originalIds = step.inputs().tile(new long[] {copies, 1});
            NDArray original = step.inputEmbeddings().tile(new long[] {copies, 1, 1});
            NDArray augmented = backbone.embed(viewIds);
            NDArray lambda = singleMixup.sampleLambda(m, augmented.getShape(), step.rng());
            NDArray mixed = singleMixup.mix(original, augmented, lambda);
            NDArray rates = step.viewRates();
            NDArray perSequenceLambda = lambda.reshape((long) copies * batch, -1).mean(new int[] {1}).reshape(copies, batch);
            NDArray weights = weighting.weights(rates, perSequenceLambda);
            NDArray outputs;
            if (step.lastPositionsOnly()) {
                // every row's only target is its last position: each copy's last output, [copies, B, H]
                NDArray last = backbone.encodeEmbeddedLast(mixed, originalIds.maximum(viewIds), true);
                outputs = last.reshape(copies, batch, last.getShape().get(1));
            } else {
                // A position is real if it is real in either sequence (operators may change lengths).
                NDArray encoded = backbone.encodeEmbeddedAtItems(mixed, originalIds.maximum(viewIds), true);
                // every copy's outputs at the original's target positions, copy-major: [copies, N, H]
                long hidden = encoded.getShape().get(2);
                outputs = Rows.take(encoded.reshape(-1, hidden), m.create(targets.copyRows(copies)))
                        .reshape(copies, targets.count(), hidden);
            }
            return settings.singleReduction().loss(step.loss(), outputs, positive, negative, weights, m.create(targets.sequences()));
        }

        private NDArray crossSequenceLoss(StepContext step, NDArray positive, NDArray negative) {
            NDManager m = step.manager();
            NDArray out;
            NDArray[] padded;
            NDArray[] atTargets;
            TargetPositions targets;
            if (step.lastPositionsOnly()) {
                // the batch seen at its last position only: sequences of length 1 whose one target is there
                NDArray last = step.encodedLast();
                out = last.expandDims(1);
                padded = new NDArray[] {out, positive.expandDims(1), negative.expandDims(1)};
                atTargets = new NDArray[] {last, positive, negative};
                targets = TargetPositions.lastOf(step.batchSize());
            } else {
                out = step.encoded();
                padded = new NDArray[] {out, step.positiveEmbeddings(), step.negativeEmbeddings()};
                atTargets = new NDArray[] {step.targets().take(out, m), positive, negative};
                targets = step.targets();
            }
            int batch = (int) out.getShape().get(0);
            NDArray total = null;
            for (MixupStrategy mixup : crossMixups) {
                for (int i = 0; i < settings.wholeLevel(); i++) {
                    long[] partner = permutation(batch, step.rng());
                    NDArray lambda = mixup.sampleLambda(m, out.getShape(), step.rng());
                    NDArray loss = crossLoss(step.loss(), mixup, targets, padded, atTargets, partner, lambda, m);
                    total = total == null ? loss : total.addi(loss);
                }
            }
            return total;
        }

        private static long[] permutation(int n, RandomGenerator rng) {
            long[] p = new long[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                long t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }
    }

    /**
     * One cross-sequence term: the batch's outputs and target embeddings mixed with those of the
     * sequences a permutation pairs them with, scored at the batch's target positions only. Equals
     * {@link NextItemLoss#mean} of the padded mixtures with the batch's target mask.
     *
     * @param loss the host's next-item loss
     * @param mixup the mixup
     * @param targets the batch's target positions
     * @param padded {@code [B, L, H]} outputs, target embeddings and negative embeddings, where the
     *     partners' values are gathered
     * @param atTargets {@code [N, H]} the same three at the target positions
     * @param partner the permutation: sequence {@code b} is mixed with sequence {@code partner[b]}
     * @param lambda mixing weights drawn for the outputs' shape
     * @param m the step's manager
     * @return the mean loss over the target positions
     */
    static NDArray crossLoss(NextItemLoss loss, MixupStrategy mixup, TargetPositions targets, NDArray[] padded, NDArray[] atTargets,
            long[] partner, NDArray lambda, NDManager m) {
        long[] partnerRows = targets.partnerRows(partner);
        NDArray weights = targets.takeWeights(lambda, m);
        long n = targets.count();
        Shape shape = new Shape(1, n, padded[0].getShape().get(2));
        NDArray[] mixed = new NDArray[3];
        for (int i = 0; i < 3; i++) {
            mixed[i] = mixup.mix(atTargets[i], targets.take(padded[i], partnerRows, m), weights).reshape(shape);
        }
        return loss.mean(mixed[0], mixed[1], mixed[2], m.ones(new Shape(1, n)), null);
    }
}
