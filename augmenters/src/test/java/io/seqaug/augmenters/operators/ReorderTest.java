package io.seqaug.augmenters.operators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

class ReorderTest {

    @Test
    void reorderNeverMovesTheMostRecentItemUnlessTheSpanIsEverything() {
        int[] items = {1, 2, 3, 4, 5};
        SplittableRandom rng = new SplittableRandom(9);
        boolean shuffled = false;
        for (int i = 0; i < 2000; i++) {
            // span floor(0.6 x 5) = 3 may start at 0 or 1 only: positions 0..3
            int[] out = Reorder.apply(items, 0.6, rng).items();
            assertThat(out[4]).isEqualTo(5);
            shuffled |= out[0] != 1 || out[3] != 4;
        }
        assertThat(shuffled).isTrue();
        // the whole sequence: the only span there is
        int[] all = Reorder.apply(items, 1.0, new SplittableRandom(1)).items();
        assertThat(Arrays.stream(all).sorted().toArray()).containsExactly(1, 2, 3, 4, 5);
    }
}
