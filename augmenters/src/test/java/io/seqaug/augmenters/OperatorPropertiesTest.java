package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.api.Augmented;
import io.seqaug.api.ModelDims;
import io.seqaug.api.SequenceOperator;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

class OperatorPropertiesTest {

    private static final int ITEMS = 30;
    private static final KitContext CONTEXT = new KitContext(new ModelDims(ITEMS, 1, 8, 12));

    private static SequenceOperator operator(String name, double rateMin, double rateMax) {
        return CONTEXT.operator(name, Map.of("rate-min", rateMin, "rate-max", rateMax));
    }

    private static int[] sequence(SplittableRandom rng) {
        int[] s = new int[1 + rng.nextInt(12)];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 + rng.nextInt(ITEMS);
        }
        return s;
    }

    @RepeatedTest(20)
    void reorderKeepsTheMultisetAndTouchesOnlyOneSpan() {
        SplittableRandom rng = new SplittableRandom(System.nanoTime());
        int[] items = sequence(rng);
        int[] copy = items.clone();
        Augmented out = operator("reorder", 0.2, 0.8).apply(items, rng);
        assertThat(items).containsExactly(copy);
        assertThat(out.items()).hasSameSizeAs(items);
        assertThat(Arrays.stream(out.items()).sorted().toArray()).containsExactly(Arrays.stream(items).sorted().toArray());
        int first = 0;
        while (first < items.length && items[first] == out.items()[first]) {
            first++;
        }
        int last = items.length - 1;
        while (last >= 0 && items[last] == out.items()[last]) {
            last--;
        }
        int span = (int) Math.floor(out.rate() * items.length);
        assertThat(last - first + 1).isLessThanOrEqualTo(Math.max(span, 0));
        assertThat(out.rate()).isBetween(0.2, 0.8);
    }

    @Test
    void substituteReplacesExactlyMaxOneFloorRateNWithTheTopNeighbour() {
        SplittableRandom rng = new SplittableRandom(1);
        int[] items = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Augmented out = operator("substitute", 0.35, 0.35).apply(items, rng);
        int changed = 0;
        for (int i = 0; i < items.length; i++) {
            if (out.items()[i] != items[i]) {
                changed++;
                assertThat(out.items()[i]).isEqualTo(items[i] % ITEMS + 1);
            }
        }
        assertThat(changed).isEqualTo(3);
        Augmented single = operator("substitute", 0.01, 0.01).apply(new int[] {4, 9}, rng);
        assertThat(single.items()).containsAnyOf(5, 10).hasSize(2);
    }

    @Test
    void cropMaskAndInsertFollowTheirLengthRules() {
        SplittableRandom rng = new SplittableRandom(2);
        int[] items = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Augmented crop = operator("crop", 0.3, 0.3).apply(items, rng);
        assertThat(crop.items()).hasSize(7);
        int start = Arrays.stream(items).boxed().toList().indexOf(crop.items()[0]);
        assertThat(crop.items()).containsExactly(Arrays.copyOfRange(items, start, start + 7));

        Augmented mask = operator("mask", 0.2, 0.2).apply(items, rng);
        assertThat(Arrays.stream(mask.items()).filter(i -> i == ITEMS + 1).count()).isEqualTo(2);

        Augmented insert = operator("insert", 0.2, 0.2).apply(items, rng);
        assertThat(insert.items()).hasSize(12);
        Augmented capped = operator("insert", 0.5, 0.5).apply(items, rng);
        // 10 + 5 inserted, capped at max-length 12 keeping the most recent items
        assertThat(capped.items()).hasSize(12).endsWith(10);
    }

    @RepeatedTest(10)
    void noOperatorEverProducesPaddingOrModifiesItsInput() {
        SplittableRandom rng = new SplittableRandom(System.nanoTime());
        for (String name : new String[] {"reorder", "substitute", "crop", "mask", "insert", "random"}) {
            int[] items = sequence(rng);
            int[] copy = items.clone();
            Augmented out = operator(name, 0.0, 1.0).apply(items, rng);
            assertThat(out.items()).as(name).doesNotContain(0).isNotEmpty();
            assertThat(items).as(name).containsExactly(copy);
        }
    }

    @Test
    void sameSeedSameAugmentation() {
        int[] items = {3, 1, 4, 1, 5, 9, 2, 6};
        for (String name : new String[] {"reorder", "substitute", "crop", "mask", "insert", "random"}) {
            SequenceOperator op = operator(name, 0.1, 0.9);
            Augmented a = op.apply(items, new SplittableRandom(42));
            Augmented b = op.apply(items, new SplittableRandom(42));
            assertThat(a.items()).as(name).containsExactly(b.items());
            assertThat(a.rate()).isEqualTo(b.rate());
        }
    }
}
