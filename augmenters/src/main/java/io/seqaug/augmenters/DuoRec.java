package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;
import io.seqaug.augmenters.contrastive.InfoNce;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * {@code duorec} (Qiu et al., WSDM 2022), the published {@code us_x} contrast: a sequence encoded a
 * second time (a new dropout mask: model-level augmentation) is the anchor, and its positive is
 * another training example with the same next item (supervised positive sampling: another user's
 * sequence, or with {@code seqaug.train.examples = prefixes} another prefix, as in the official
 * code's training data), drawn on the loader thread; with no other such example, the sequence itself
 * is its positive, as in the official code. Representations are last-position outputs compared by
 * dot products at temperature 1, weight 0.1 ({@code lmd_sem}). DuoRec's numbers were trained with {@code seqaug.train.loss = ce}.
 * Differences from the official code: {@code docs/methods/duorec.md}.
 */
public final class DuoRec implements AugmenterProvider {

    @Override
    public String name() {
        return "duorec";
    }

    @Override
    public String description() {
        return "DuoRec: dropout view vs a same-target sequence, in-batch InfoNCE";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        InfoNce.Similarity similarity = InfoNce.Similarity.valueOf(
                settings.oneOf("similarity", "dot", "cosine").toUpperCase(Locale.ROOT));
        float temperature = (float) settings.number("temperature", 1e-6, 1e6);
        double weight = settings.weight("weight", 1e6);
        return new Instance(similarity, temperature, weight);
    }

    /** The augmenter; its partner index is built once by {@link #prepare} and read-only afterwards. */
    static final class Instance implements Augmenter {
        private final InfoNce.Similarity similarity;
        private final float temperature;
        private final double weight;
        private List<int[]> sequences = List.of();
        private Map<Integer, int[]> byNextItem = Map.of();

        Instance(InfoNce.Similarity similarity, float temperature, double weight) {
            this.similarity = similarity;
            this.temperature = temperature;
            this.weight = weight;
        }

        @Override
        public void prepare(List<int[]> trainingSequences, int[] nextItems) {
            Map<Integer, List<Integer>> groups = new HashMap<>();
            for (int u = 0; u < trainingSequences.size(); u++) {
                if (trainingSequences.get(u).length > 0) {
                    groups.computeIfAbsent(nextItems[u], k -> new java.util.ArrayList<>()).add(u);
                }
            }
            Map<Integer, int[]> index = new HashMap<>();
            groups.forEach((item, users) -> index.put(item, users.stream().mapToInt(Integer::intValue).toArray()));
            this.sequences = List.copyOf(trainingSequences);
            this.byNextItem = index;
        }

        @Override
        public int viewsPerExample() {
            return 1;
        }

        @Override
        public List<Augmented> augmentExample(int[] items, int target, RandomGenerator rng) {
            return List.of(new Augmented(partner(items, target, rng), 0));
        }

        /**
         * Another training example's input whose next item is {@code target}, or {@code items}
         * itself when there is none. An input equal to {@code items} counts as itself: the host
         * prepares from the inputs as trained, so this is the example's own, or a copy of it.
         *
         * @param items the example's input
         * @param target its next item
         * @param rng the loader's generator
         * @return the partner's items
         */
        int[] partner(int[] items, int target, RandomGenerator rng) {
            int[] candidates = byNextItem.get(target);
            if (candidates == null) {
                return items;
            }
            int start = rng.nextInt(candidates.length);
            for (int i = 0; i < candidates.length; i++) {
                int[] other = sequences.get(candidates[(start + i) % candidates.length]);
                if (!Arrays.equals(other, items)) {
                    return other;
                }
            }
            return items;
        }

        @Override
        public List<LossTerm> losses(StepContext step) {
            // a second training-mode pass over the inputs: its dropout masks are the model-level augmentation
            NDArray anchor = step.encodeLast(step.inputs());
            NDArray positive = step.encodeLast(step.requireViews());
            return List.of(new LossTerm("supervised-contrastive", InfoNce.loss(anchor, positive, temperature, similarity),
                    weight));
        }
    }
}
