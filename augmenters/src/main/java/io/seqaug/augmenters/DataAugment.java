package io.seqaug.augmenters;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Augmented;
import io.seqaug.api.Augmenter;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.AugmenterProvider;
import io.seqaug.api.LossTerm;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.api.StepContext;
import io.seqaug.api.host.Rows;
import io.seqaug.augmenters.operators.RateRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * {@code data-augment}: direct data augmentation, the baseline of "Is Contrastive Learning Necessary?
 * A Study of Data Augmentation vs Contrastive Learning in Sequential Recommendation" (Zhou et al.,
 * WWW 2024). Every training sequence with its next item appended is rewritten {@code copies} times by
 * the configured operators (one picked at random per copy), and each rewritten sequence is trained
 * with the plain next-item loss on its own targets: every item predicts the one after it (for a
 * non-causal backbone, the last item only). No contrastive term, no mixing.
 *
 * <p>Negatives for {@code seqaug.train.loss = bce} are drawn uniformly from the catalogue, avoiding
 * only the target (the host's sampler also avoids the user's history, which a rewritten sequence
 * no longer identifies); {@code ce} needs none. A masked item is never a target.
 */
public final class DataAugment implements AugmenterProvider {

    @Override
    public String name() {
        return "data-augment";
    }

    @Override
    public String description() {
        return "direct data augmentation: operator-rewritten sequences trained with the next-item loss";
    }

    @Override
    public Augmenter create(ProviderSettings settings, AugmenterContext context) {
        List<String> operators = settings.strings("operators");
        if (operators.isEmpty()) {
            throw settings.invalid("operators", "must name at least one operator");
        }
        RateRange rates = RateRange.from(settings);
        SequenceOperator operator = context.operator("random",
                Map.of("choices", operators, "rate-min", rates.min(), "rate-max", rates.max()));
        int copies = settings.integer("copies", 1, 64);
        double weight = settings.weight("weight", 1e6);
        return new Instance(operator, copies, weight, context.dims().itemCount(), context.maskItemId());
    }

    /**
     * The augmenter.
     *
     * @param operator rewrites a sequence
     * @param copies rewritten sequences per training sequence
     * @param weight the term's weight
     * @param itemCount real item ids are {@code 1..itemCount}
     * @param maskId the mask token, never a target
     */
    record Instance(SequenceOperator operator, int copies, double weight, int itemCount, int maskId) implements Augmenter {

        @Override
        public int viewsPerExample() {
            return copies;
        }

        @Override
        public List<Augmented> augmentExample(int[] items, int target, RandomGenerator rng) {
            int[] full = Arrays.copyOf(items, items.length + 1);
            full[items.length] = target;
            List<Augmented> views = new ArrayList<>(copies);
            for (int c = 0; c < copies; c++) {
                Augmented view = operator.apply(full, rng);
                // a sequence of one item predicts nothing: keep the original instead
                views.add(view.items().length < 2 ? new Augmented(full, 0) : view);
            }
            return views;
        }

        @Override
        public List<LossTerm> losses(StepContext step) {
            NDManager m = step.manager();
            NDArray views = step.requireViews();
            long rows = views.getShape().get(0);
            int length = (int) views.getShape().get(1);
            if (length < 2) {
                return List.of(new LossTerm("augmented-rec", m.zeros(new Shape()), weight));
            }
            int[] ids = views.toType(DataType.INT32, false).toIntArray();
            boolean causal = step.backbone().causal();
            // inputs: every row shifted right by one (same length, which padding-sensitive backbones
            // need); the target at input position p is the row's item p
            int[] inputs = new int[(int) rows * length];
            List<Long> positions = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(ids, r * length, inputs, r * length + 1, length - 1);
                for (int p = causal ? 1 : length - 1; p < length; p++) {
                    int input = inputs[r * length + p];
                    int target = ids[r * length + p];
                    if (input != 0 && target != 0 && target != maskId) {
                        positions.add((long) r * length + p);
                        targets.add(target);
                    }
                }
            }
            if (positions.isEmpty()) {
                return List.of(new LossTerm("augmented-rec", m.zeros(new Shape()), weight));
            }
            int n = positions.size();
            long[] rowIndex = positions.stream().mapToLong(Long::longValue).toArray();
            int[] positive = targets.stream().mapToInt(Integer::intValue).toArray();
            int[] negative = new int[n];
            for (int i = 0; i < n; i++) {
                int draw;
                do {
                    draw = 1 + step.rng().nextInt(itemCount);
                } while (draw == positive[i] && itemCount > 1);
                negative[i] = draw;
            }
            NDArray input = m.create(inputs, new Shape(rows, length));
            NDArray encoded = step.encode(step.embed(input), input);
            long hidden = encoded.getShape().get(2);
            NDArray outputs = Rows.take(encoded.reshape(-1, hidden), m.create(rowIndex))
                    .reshape(1, n, hidden);
            Shape flat = new Shape(1, n);
            NDArray loss = step.loss().mean(outputs, step.embed(m.create(positive, flat)), step.embed(m.create(negative, flat)),
                    m.ones(flat), null);
            return List.of(new LossTerm("augmented-rec", loss, weight));
        }
    }
}
