package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.api.Augmented;
import io.seqaug.augmenters.contrastive.InfoNce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

/** The baselines' own rules, on planted inputs. */
class BaselinesTest {

    private static DuoRec.Instance duorec() {
        DuoRec.Instance d = new DuoRec.Instance(InfoNce.Similarity.DOT, 1f, 0.1);
        // examples 0, 1 and 3 share the next item 5 (3 is a copy of 0's input); example 2 alone has 7
        d.prepare(List.of(new int[] {1, 2}, new int[] {3, 4}, new int[] {6}, new int[] {1, 2}), new int[] {5, 5, 7, 5});
        return d;
    }

    @Test
    void duorecPairsASequenceWithAnotherOfTheSameNextItem() {
        DuoRec.Instance d = duorec();
        for (long seed = 0; seed < 20; seed++) {
            // an input equal to the anchor's is the anchor itself (or a copy): never its positive
            assertThat(d.partner(new int[] {1, 2}, 5, new SplittableRandom(seed))).containsExactly(3, 4);
            assertThat(d.partner(new int[] {3, 4}, 5, new SplittableRandom(seed))).isIn(new int[] {1, 2});
        }
    }

    @Test
    void duorecPairsAShortInputWithALongerOneThatEndsTheSameWay() {
        // [2] -> 5 is another user's example (or a prefix), not a truncation of [1 2]: both are candidates
        DuoRec.Instance d = duorec();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            seen.add(java.util.Arrays.toString(d.partner(new int[] {2}, 5, new SplittableRandom(seed))));
        }
        assertThat(seen).containsExactlyInAnyOrder("[1, 2]", "[3, 4]");
    }

    @Test
    void duorecPairsASequenceWithItselfWhenNoOtherHasItsNextItem() {
        DuoRec.Instance d = duorec();
        assertThat(d.partner(new int[] {6}, 7, new SplittableRandom(1))).containsExactly(6);
        assertThat(d.partner(new int[] {8, 9}, 11, new SplittableRandom(1))).containsExactly(8, 9);
    }

    @Test
    void dataAugmentRewritesTheSequenceWithItsNextItem() {
        // an operator that returns its input: the view is the input followed by the target
        DataAugment.Instance identity = new DataAugment.Instance((items, rng) -> new Augmented(items.clone(), 0), 2, 1.0, 9, 10);
        List<Augmented> views = identity.augmentExample(new int[] {4, 5, 6}, 7, new SplittableRandom(1));
        assertThat(views).hasSize(2);
        assertThat(views.get(0).items()).containsExactly(4, 5, 6, 7);
        // an operator that leaves one item: the original with its target is kept instead
        DataAugment.Instance shrink = new DataAugment.Instance((items, rng) -> new Augmented(new int[] {items[0]}, 0.9), 1,
                1.0, 9, 10);
        assertThat(shrink.augmentExample(new int[] {4}, 7, new SplittableRandom(1)).get(0).items()).containsExactly(4, 7);
    }

    @Test
    void iclrecNormalisesItsIntents() {
        float[] flat = IclRec.Instance.normalise(new float[][] {{3, 4}, {0, 2}});
        assertThat(flat).containsExactly(0.6f, 0.8f, 0f, 1f);
    }
}
