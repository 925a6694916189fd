package io.seqaug.augmenters.contrastive;

import io.seqaug.api.Augmented;
import io.seqaug.api.AugmenterContext;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * CL4SRec's views: each view of a sequence applies one of crop, mask and reorder, picked uniformly
 * and independently per view (as the CL4SRec of ICLRec's code does), each with its own fixed rate.
 *
 * @param operators crop, mask and reorder
 */
public record OperatorViews(List<SequenceOperator> operators) {

    /**
     * The views a provider's settings describe: {@code crop-keep} (CL4SRec's eta, the fraction of
     * items a crop keeps), {@code mask-rate} (gamma) and {@code reorder-rate} (beta), computed as
     * {@code operators} says: {@code published} as ICLRec's code ({@link #published}), or
     * {@code seqaug} with SeqAug's own crop, mask and reorder providers (at least one item changed,
     * the reserved mask item instead of padding).
     *
     * @param settings the augmenter's settings
     * @param context where SeqAug's operators are built
     * @return the views
     */
    public static OperatorViews from(ProviderSettings settings, AugmenterContext context) {
        double keep = settings.number("crop-keep", 0, 1);
        double mask = settings.number("mask-rate", 0, 1);
        double reorder = settings.number("reorder-rate", 0, 1);
        if (settings.oneOf("operators", "published", "seqaug").equals("published")) {
            if (keep >= 1 || reorder >= 1) {
                throw settings.invalid(keep >= 1 ? "crop-keep" : "reorder-rate",
                        "must be below 1 with operators = published (the published crop and reorder draw a start"
                        + " before the last item)");
            }
            return published(keep, mask, reorder);
        }
        // SeqAug's crop drops floor(rate x n) items: keeping a fraction eta drops 1 - eta.
        double drop = 1 - keep;
        return new OperatorViews(List.of(
                context.operator("crop", Map.of("rate-min", drop, "rate-max", drop)),
                context.operator("mask", Map.of("rate-min", mask, "rate-max", mask)),
                context.operator("reorder", Map.of("rate-min", reorder, "rate-max", reorder))));
    }

    /**
     * The operators of ICLRec's code, rule for rule: crop keeps {@code (int) (eta x n)} items (one
     * when that is 0) from a start in {@code [0, n - kept - 1]}; mask sets {@code (int) (gamma x n)}
     * distinct positions to the padding id 0; reorder shuffles a span of {@code (int) (beta x n)}
     * items starting in {@code [0, n - span - 1]}.
     *
     * @param keep eta
     * @param mask gamma
     * @param reorder beta
     * @return the views
     */
    public static OperatorViews published(double keep, double mask, double reorder) {
        SequenceOperator crop = (items, rng) -> {
            int n = items.length;
            int kept = (int) (keep * n);
            int start = rng.nextInt(Math.max(1, n - kept));
            return new Augmented(kept < 1 ? new int[] {items[start]} : Arrays.copyOfRange(items, start, start + kept), keep);
        };
        SequenceOperator masking = (items, rng) -> {
            int[] out = items.clone();
            int count = (int) (mask * items.length);
            int[] order = new int[items.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = 0; i < count; i++) {
                int j = i + rng.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                out[order[i]] = 0;
            }
            return new Augmented(out, mask);
        };
        SequenceOperator reordering = (items, rng) -> {
            int n = items.length;
            int span = (int) (reorder * n);
            int start = rng.nextInt(Math.max(1, n - span));
            int[] out = items.clone();
            for (int i = span - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = out[start + i];
                out[start + i] = out[start + j];
                out[start + j] = t;
            }
            return new Augmented(out, reorder);
        };
        return new OperatorViews(List.of(crop, masking, reordering));
    }

    /**
     * Two views of a sequence.
     *
     * @param items the sequence, not modified
     * @param rng the loader's generator
     * @return two views
     */
    public List<Augmented> two(int[] items, RandomGenerator rng) {
        Augmented first = operators.get(rng.nextInt(operators.size())).apply(items, rng);
        Augmented second = operators.get(rng.nextInt(operators.size())).apply(items, rng);
        return List.of(first, second);
    }
}
