package io.seqaug.augmenters.contrastive;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.api.Augmented;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The published crop, mask and reorder of ICLRec's code, rule for rule. */
class OperatorViewsTest {

    private static final int[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    private static final OperatorViews PUBLISHED = OperatorViews.published(0.2, 0.7, 0.2);

    @Test
    void cropKeepsTheRoundedDownFractionAsOneContiguousRunThatNeverEndsAtTheLastItem() {
        for (long seed = 0; seed < 200; seed++) {
            int[] out = PUBLISHED.operators().get(0).apply(TEN, new SplittableRandom(seed)).items();
            assertThat(out).hasSize(2);
            assertThat(out[1]).isEqualTo(out[0] + 1);
            assertThat(out[1]).isLessThan(10);
        }
        // (int) (0.2 x 4) = 0: one item
        assertThat(PUBLISHED.operators().get(0).apply(new int[] {5, 6, 7, 8}, new SplittableRandom(3)).items()).hasSize(1);
    }

    @Test
    void maskWritesThePaddingIdAtTheRoundedDownFractionOfPositions() {
        int[] out = PUBLISHED.operators().get(1).apply(TEN, new SplittableRandom(5)).items();
        assertThat(Arrays.stream(out).filter(v -> v == 0).count()).isEqualTo(7);
        for (int i = 0; i < 10; i++) {
            assertThat(out[i]).isIn(0, TEN[i]);
        }
        // (int) (0.7 x 1) = 0: a one-item sequence comes back unchanged
        assertThat(PUBLISHED.operators().get(1).apply(new int[] {4}, new SplittableRandom(5)).items()).containsExactly(4);
    }

    @Test
    void reorderShufflesOneSpanOfTheRoundedDownFractionAndKeepsEveryItem() {
        for (long seed = 0; seed < 200; seed++) {
            Augmented view = PUBLISHED.operators().get(2).apply(TEN, new SplittableRandom(seed));
            int[] out = view.items();
            assertThat(out).containsExactlyInAnyOrder(TEN);
            int first = -1;
            int last = -1;
            for (int i = 0; i < 10; i++) {
                if (out[i] != TEN[i]) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            // a span of (int) (0.2 x 10) = 2 items, never the last one
            assertThat(last - first).isLessThanOrEqualTo(1);
            assertThat(out[9]).isEqualTo(10);
        }
    }

    @Test
    void eachViewPicksItsOperatorIndependently() {
        int[] counts = new int[3];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 600; i++) {
            for (Augmented view : PUBLISHED.two(TEN, rng)) {
                counts[view.rate() == 0.7 ? 1 : view.items().length == 2 ? 0 : 2]++;
            }
        }
        for (int c : counts) {
            assertThat(c).isBetween(300, 500);
        }
    }
}
