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
import io.seqaug.api.Rows;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;
import io.seqaug.api.TrainingStage;

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
            if (settings.singleSequence() && settings.singleWeight() > 0) {
                terms.add(new LossTerm("single-seq", singleSequenceLoss(step), settings.singleWeight()));
            }
            if (settings.crossSequence() && settings.crossWeight() > 0) {
                terms.add(new LossTerm("cross-seq", crossSequenceLoss(step), settings.crossWeight()));
            }
            return terms;
        }

        private NDArray singleSequenceLoss(StepContext step) {
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
            // A position is real if it is real in either sequence (operators may change lengths).
            NDArray encoded = backbone.encodeEmbedded(mixed, originalIds.maximum(viewIds), true);
            NDArray rates = step.viewRates();
            NDArray perSequenceLambda = lambda.reshape((long) copies * batch, -1).mean(new int[] {1}).reshape(copies, batch);
            NDArray weights = weighting.weights(rates, perSequenceLambda);
            return settings.singleReduction().loss(encoded, step.positiveEmbeddings().tile(new long[] {copies, 1, 1}),
                    step.negativeEmbeddings().tile(new long[] {copies, 1, 1}),
                    step.targetMask().tile(new long[] {copies, 1}), weights);
        }

        private NDArray crossSequenceLoss(StepContext step) {
            NDManager m = step.manager();
            NDArray out = step.encoded();
            NDArray positive = step.positiveEmbeddings();
            NDArray negative = step.negativeEmbeddings();
            int batch = (int) out.getShape().get(0);
            NDArray total = null;
            for (MixupStrategy mixup : crossMixups) {
                for (int i = 0; i < settings.wholeLevel(); i++) {
                    NDArray partner = m.create(permutation(batch, step.rng()), new Shape(batch));
                    NDArray lambda = mixup.sampleLambda(m, out.getShape(), step.rng());
                    NDArray loss = NextItemLoss.bce(mixup.mix(out, Rows.take(out, partner), lambda),
                            mixup.mix(positive, Rows.take(positive, partner), lambda),
                            mixup.mix(negative, Rows.take(negative, partner), lambda), step.targetMask(), null);
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
}
