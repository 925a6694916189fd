package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.SequenceOperator;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code coserec.operator-rules = published}: the views of CoSeRec's code, told apart by what each rule
 * does to a sequence. The kit's similarity makes item i + 1 the only neighbour of item i.
 */
class CoSeRecPublishedRulesTest {

    private static final int ITEMS = 30;
    private static final KitContext CONTEXT = new KitContext(new ModelDims(ITEMS, 1, 8, 50));

    private static int neighbour(int item) {
        return item % ITEMS + 1;
    }

    /** Which rule made {@code out} from {@code in}, or "other" when none of them could have. */
    private static String kind(int[] in, int[] out) {
        int n = in.length;
        if (out.length == n + Math.max(1, (int) (0.4 * n))) {
            // insert: each original item in order, some preceded by their neighbour
            int o = 0;
            for (int item : in) {
                if (out[o] != item) {
                    if (out[o] != neighbour(item)) {
                        return "other";
                    }
                    o++;
                }
                if (out[o++] != item) {
                    return "other";
                }
            }
            return "insert";
        }
        if (out.length == Math.max(1, (int) (0.2 * n))) {
            for (int start = 0; start + out.length <= n; start++) {
                if (Arrays.equals(Arrays.copyOfRange(in, start, start + out.length), out)) {
                    return "crop";
                }
            }
            return "other";
        }
        if (out.length != n) {
            return "other";
        }
        int zeros = 0;
        int replaced = 0;
        int differing = 0;
        for (int i = 0; i < n; i++) {
            zeros += out[i] == 0 ? 1 : 0;
            replaced += out[i] != in[i] && out[i] == neighbour(in[i]) ? 1 : 0;
            differing += out[i] != in[i] ? 1 : 0;
        }
        if (zeros == (int) (0.7 * n) && zeros == differing) {
            return "mask";
        }
        if (differing == Math.max(1, (int) (0.1 * n)) && replaced == differing) {
            return "substitute";
        }
        int[] a = in.clone();
        int[] b = out.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        // a reorder of distinct items: the same items, the changed ones within a span of (int) (0.7 n)
        int first = -1;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (out[i] != in[i]) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return Arrays.equals(a, b) && last - first < (int) (0.7 * n) ? "reorder" : "other";
    }

    private static Map<String, Integer> kinds(int[] items, int draws) {
        SequenceOperator operator = CoSeRec.publishedOperator(CONTEXT);
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, Integer> counts = new HashMap<>();
        for (int d = 0; d < draws; d++) {
            counts.merge(kind(items, operator.apply(items, rng).items()), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aSequenceOfAtMostFourItemsTakesInsertSubstituteOrMaskOnly() {
        Map<String, Integer> counts = kinds(new int[] {3, 7, 11, 15}, 3000);
        assertThat(counts).containsOnlyKeys("insert", "substitute", "mask");
        // uniform over three: about 1000 each
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(850, 1150));
    }

    @Test
    void aLongerSequenceTakesOneOfAllFiveAtTheCodesRates() {
        int[] items = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
        Map<String, Integer> counts = kinds(items, 5000);
        // crop keeps 2, mask zeroes 7, reorder shuffles a span of 7 (the code's gamma), substitute 1, insert 4
        assertThat(counts).containsOnlyKeys("insert", "crop", "mask", "reorder", "substitute");
        assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(850, 1150));
    }

    @Test
    void theListAndRangeThatThePublishedRulesReplaceAreRefusedWhenSet() {
        assertThatThrownBy(() -> new CoSeRec().create(settings("operator-rules = published, rate-max = 0.5"), CONTEXT))
                .hasMessageStartingWith("seqaug.augmenter.coserec.rate-min and rate-max are not read with operator-rules = "
                        + "published");
        assertThatThrownBy(() -> new CoSeRec().create(settings("operator-rules = published, operators = [crop, mask]"), CONTEXT))
                .hasMessageStartingWith("seqaug.augmenter.coserec.operators is not read with operator-rules = published");
        assertThat(new CoSeRec().create(settings("operator-rules = published, operators = [insert, substitute, reorder, mask,"
                + " crop]"), CONTEXT).viewsPerExample()).isEqualTo(2);
        assertThatThrownBy(() -> new CoSeRec().create(settings("operator-rules = coserec"), CONTEXT))
                .hasMessageStartingWith("seqaug.augmenter.coserec.operator-rules must be one of seqaug, published");
    }

    private static ProviderSettings settings(String text) {
        return new ProviderSettings(ConfigFactory.parseString(text)
                .withFallback(ConfigFactory.defaultReference().getConfig("seqaug.augmenter.coserec")), "seqaug.augmenter.coserec");
    }
}
