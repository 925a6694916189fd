package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.NextItemLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two copies of a batch of two sequences of length 2, hidden width 1; the second position of the
 * second sequence has no target, so the three target positions are (0, 0), (0, 1) and (1, 0).
 * Positive embeddings are 1 and negative embeddings 0, so a position with output {@code h} costs
 * {@code softplus(-h) + ln 2}.
 */
class SingleReductionTest {

    // outputs at the target positions, copy-major: copy 0 = (1, 2 | 3), copy 1 = (-1, 0 | 2)
    private static final float[] HIDDEN = {1, 2, 3, -1, 0, 2};
    private static final long[] SEQUENCES = {0, 0, 1};
    private static final float[] WEIGHTS = {1.0f, 0.25f, 0.5f, 0.0f};
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double cost(double h) {
        return Math.log1p(Math.exp(-h)) + Math.log(2);
    }

    private static float reduce(SingleReduction reduction) {
        try (NDManager m = manager.newSubManager()) {
            NDArray hidden = m.create(HIDDEN, new Shape(2, 3, 1));
            NDArray positive = m.ones(new Shape(3, 1));
            NDArray negative = m.zeros(new Shape(3, 1));
            NDArray weights = m.create(WEIGHTS, new Shape(2, 2));
            return reduction.loss(NextItemLoss.bce(), hidden, positive, negative, weights, m.create(SEQUENCES)).getFloat();
        }
    }

    @Test
    void publishedIsEachCopysPlainMeanTimesTheSumOfItsWeights() {
        // copy 0: weights 1 + 0.25, positions 1, 2, 3 (4 is not a target)
        double copy0 = (1.0 + 0.25) * (cost(1) + cost(2) + cost(3)) / 3;
        // copy 1: weights 0.5 + 0, positions -1, 0, 2
        double copy1 = (0.5 + 0.0) * (cost(-1) + cost(0) + cost(2)) / 3;
        assertThat(reduce(SingleReduction.PUBLISHED)).isCloseTo((float) (copy0 + copy1), within(1e-5f));
    }

    @Test
    void weightedMeanWeighsEverySequenceWithinItsCopy() {
        // the weighted mean is taken over all copies' positions, then multiplied by the number of copies
        double numerator = 1.0 * (cost(1) + cost(2)) + 0.25 * cost(3) + 0.5 * (cost(-1) + cost(0)) + 0.0 * cost(2);
        double denominator = 1.0 * 2 + 0.25 * 1 + 0.5 * 2 + 0.0 * 1;
        assertThat(reduce(SingleReduction.WEIGHTED_MEAN)).isCloseTo((float) (2 * numerator / denominator), within(1e-5f));
    }

    @Test
    void withUnitWeightsPublishedIsTheBatchSizeTimesTheSumOfPlainMeans() {
        try (NDManager m = manager.newSubManager()) {
            NDArray hidden = m.create(HIDDEN, new Shape(2, 3, 1));
            NDArray positive = m.ones(new Shape(3, 1));
            NDArray negative = m.zeros(new Shape(3, 1));
            NDArray ones = m.ones(new Shape(2, 2));
            NDArray sequences = m.create(SEQUENCES);
            double means = (cost(1) + cost(2) + cost(3)) / 3 + (cost(-1) + cost(0) + cost(2)) / 3;
            assertThat(SingleReduction.PUBLISHED.loss(NextItemLoss.bce(), hidden, positive, negative, ones, sequences).getFloat())
                    .isCloseTo((float) (2 * means), within(1e-5f));
            assertThat(SingleReduction.WEIGHTED_MEAN.loss(NextItemLoss.bce(), hidden, positive, negative, ones, sequences).getFloat())
                    .isCloseTo((float) means, within(1e-5f));
        }
    }

    @Test
    void parsesItsSettingAndNamesTheValidValues() {
        assertThat(SingleReduction.parse("published")).isEqualTo(SingleReduction.PUBLISHED);
        assertThat(SingleReduction.parse("weighted-mean")).isEqualTo(SingleReduction.WEIGHTED_MEAN);
        assertThat(SingleReduction.WEIGHTED_MEAN.key()).isEqualTo("weighted-mean");
        assertThatThrownBy(() -> SingleReduction.parse("mean"))
                .hasMessage("seqaug.augmenter.basrec.single-reduction must be one of published, weighted-mean, got 'mean'");
    }
}
