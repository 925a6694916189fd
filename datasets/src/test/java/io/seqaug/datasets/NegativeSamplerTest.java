package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

class NegativeSamplerTest {

    @Test
    void neverReturnsAnInteractedItemAndCoversTheRest() {
        SequenceDataset d = new SequenceDataset("t", new int[] {1}, new int[][] {{1, 3, 5, 3, 7}}, 8);
        NegativeSampler sampler = new NegativeSampler(d);
        SplittableRandom rng = new SplittableRandom(1);
        Set<Integer> drawn = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            drawn.add(sampler.sample(0, rng));
        }
        assertThat(drawn).containsExactlyInAnyOrder(2, 4, 6, 8);
    }

    @Test
    void sameSeedSameNegatives() {
        SequenceDataset d = SyntheticDataset.generate(20, 50, 3, 10, 0.2, 3);
        NegativeSampler sampler = new NegativeSampler(d);
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            assertThat(sampler.sample(i % 20, a)).isEqualTo(sampler.sample(i % 20, b));
        }
    }

    @Test
    void userWhoSawEverythingIsAnError() {
        SequenceDataset d = new SequenceDataset("t", new int[] {4}, new int[][] {{1, 2, 3}}, 3);
        assertThatThrownBy(() -> new NegativeSampler(d)).hasMessageContaining("user 4 interacted with every item");
    }
}
