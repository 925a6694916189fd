package io.seqaug.augmenters.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class InfoNceTest {

    @Test
    void twoByTwoBatchOfOrthogonalPairsMatchesTheHandComputedLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            var b = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            // every row: its partner scores 1, the two other rows 0: -log(e / (2 + e)) = log(1 + 2/e)
            float expected = (float) Math.log(1 + 2 / Math.E);
            assertThat(InfoNce.loss(a, b, 1f, InfoNce.Similarity.DOT).getFloat()).isCloseTo(expected, within(1e-6f));
        }
    }

    @Test
    void temperatureDividesTheSimilarities() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            // at temperature 0.5 the partner scores 2: log(1 + 2 / e^2)
            float expected = (float) Math.log(1 + 2 / Math.exp(2));
            assertThat(InfoNce.loss(a, a, 0.5f, InfoNce.Similarity.DOT).getFloat()).isCloseTo(expected, within(1e-6f));
        }
    }

    @Test
    void cosineIgnoresTheRowsLengths() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = m.create(new float[] {3, 0, 0, 5}, new Shape(2, 2));
            var b = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            float expected = (float) Math.log(1 + 2 / Math.E);
            assertThat(InfoNce.loss(a, b, 1f, InfoNce.Similarity.COSINE).getFloat()).isCloseTo(expected, within(1e-6f));
        }
    }

    @Test
    void intentContrastOfTwoSequencesSharingOneIntentMatchesTheHandComputedLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            var views = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
            var intents = m.create(new float[] {1, 0, 1, 0}, new Shape(2, 2));
            // rows v0, v1, c0, c1 (c0 = c1 = (1, 0)); partners v0-c0, v1-c1:
            // v0: -log(e / (1 + 2e)); v1: -log(1/3); c0: -log(e / (1 + 2e)); c1: -log(1 / (1 + 2e))
            double e = Math.E;
            double expected = (2 * Math.log((1 + 2 * e) / e) + Math.log(3) + Math.log(1 + 2 * e)) / 4;
            assertThat(InfoNce.loss(views, intents, 1f, InfoNce.Similarity.DOT).getFloat())
                    .isCloseTo((float) expected, within(1e-6f));
        }
    }
}
