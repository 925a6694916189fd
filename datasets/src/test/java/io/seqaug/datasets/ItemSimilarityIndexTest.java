package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

class ItemSimilarityIndexTest {

    /*
     * Four users over items 1..5:
     *   u1 = {1, 2}        weight 1/ln 3
     *   u2 = {1, 2, 3}     weight 1/ln 4
     *   u3 = {2, 3}        weight 1/ln 3
     *   u4 = {4, 4}        one distinct item, nothing co-occurs; item 5 is never seen
     * N1 = 2, N2 = 3, N3 = 2.
     * IUF: sim(1,2) = (1/ln3 + 1/ln4) / sqrt(6); sim(1,3) = (1/ln4) / sqrt(4); sim(2,3) = (1/ln4 + 1/ln3) / sqrt(6)
     * CF:  sim(1,2) = 2 / sqrt(6);  sim(1,3) = 1/2;  sim(2,3) = 2 / sqrt(6)
     */
    private static final List<int[]> USERS = List.of(new int[] {1, 2}, new int[] {1, 2, 3}, new int[] {2, 3},
            new int[] {4, 4});

    @Test
    void itemCfIufMatchesTheHandComputedScores() {
        ItemSimilarityIndex index = ItemSimilarityIndex.compute(USERS, 5, SimilarityMethod.ITEMCF_IUF, 10, 1);
        double sim12 = (1 / Math.log(3) + 1 / Math.log(4)) / Math.sqrt(6);
        double sim13 = (1 / Math.log(4)) / 2;
        assertThat(index.neighbours(1)).containsExactly(2, 3);
        assertThat(index.scores(1)[0]).isCloseTo((float) sim12, within(1e-6f));
        assertThat(index.scores(1)[1]).isCloseTo((float) sim13, within(1e-6f));
        // item 2: items 1 and 3 tie; the smaller id comes first
        assertThat(index.neighbours(2)).containsExactly(1, 3);
        assertThat(index.mostSimilar(3)).isEqualTo(2);
    }

    @Test
    void itemCfCountsEveryCooccurrenceOnce() {
        ItemSimilarityIndex index = ItemSimilarityIndex.compute(USERS, 5, SimilarityMethod.ITEMCF, 1, 1);
        assertThat(index.neighbours(1)).containsExactly(2);
        assertThat(index.scores(1)[0]).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
        assertThat(index.scores(3)[0]).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
    }

    @Test
    void itemsWithoutCooccurrenceGetASeededRandomOtherItem() {
        ItemSimilarityIndex a = ItemSimilarityIndex.compute(USERS, 5, SimilarityMethod.ITEMCF_IUF, 3, 7);
        ItemSimilarityIndex b = ItemSimilarityIndex.compute(USERS, 5, SimilarityMethod.ITEMCF_IUF, 3, 7);
        assertThat(a.fallbackCount()).isEqualTo(2);
        assertThat(a.mostSimilar(4)).isNotEqualTo(4).isBetween(1, 5).isEqualTo(b.mostSimilar(4));
        assertThat(a.mostSimilar(5)).isNotEqualTo(5).isEqualTo(b.mostSimilar(5));
    }

    @Test
    void roundTripsThroughItsBinaryFormAndTheCache(@TempDir Path dir) throws IOException {
        ItemSimilarityIndex index = ItemSimilarityIndex.compute(USERS, 5, SimilarityMethod.ITEMCF_IUF, 2, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        index.write(new DataOutputStream(bytes));
        ItemSimilarityIndex back = ItemSimilarityIndex.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = 1; i <= 5; i++) {
            assertThat(back.neighbours(i)).containsExactly(index.neighbours(i));
        }
        SequenceDataset data = SyntheticDataset.generate(50, 30, 5, 9, 0.3, 1);
        LeaveOneOutSplit split = new LeaveOneOutSplit(data, 50);
        SimilarityCache cache = new SimilarityCache(dir);
        ItemSimilarityIndex first = cache.loadOrCompute(split, SimilarityMethod.ITEMCF_IUF, 5, 1);
        assertThat(dir.toFile().list()).hasSize(1);
        ItemSimilarityIndex cached = cache.loadOrCompute(split, SimilarityMethod.ITEMCF_IUF, 5, 1);
        assertThat(cached.neighbours(3)).containsExactly(first.neighbours(3));
    }
}
