package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.TargetPositions;
import io.seqaug.api.host.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.random.RandomGenerator;

class TargetPositionsTest {

    /** Three sequences of length 4 with 2, 3 and 1 targets. */
    private static final float[] MASK = {0, 0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1};
    private static final int[] POSITIVES = {0, 0, 4, 9, 0, 2, 3, 8, 0, 0, 0, 5};
    private static final long[] PARTNER = {2, 0, 1};

    private static final MixupStrategy LINEAR = new MixupStrategy() {
        @Override
        public NDArray sampleLambda(NDManager manager, Shape shape, RandomGenerator rng) {
            throw new UnsupportedOperationException("the test draws its own weights");
        }
    };

    @Test
    void readsTargetRowsTheirSequencesAndThePartnersRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            TargetPositions targets = TargetPositions.of(POSITIVES, 3, 4);
            assertThat(targets.rows()).containsExactly(2, 3, 5, 6, 7, 11);
            assertThat(targets.sequences()).containsExactly(0, 0, 1, 1, 1, 2);
            // (0, 2) -> (2, 2) = 10, (0, 3) -> 11, (1, 1) -> (0, 1) = 1, (1, 2) -> 2, (1, 3) -> 3, (2, 3) -> (1, 3) = 7
            assertThat(targets.partnerRows(PARTNER)).containsExactly(10, 11, 1, 2, 3, 7);
            // two stacked copies of the 3 x 4 batch: the second copy's rows are 12 further
            assertThat(targets.copyRows(2)).containsExactly(2, 3, 5, 6, 7, 11, 14, 15, 17, 18, 19, 23);
            assertThat(targets.lastPositionsOnly()).isFalse();
            assertThat(TargetPositions.of(new int[] {0, 0, 7, 0, 5, 6}, 2, 3).lastPositionsOnly()).isFalse();
            assertThat(TargetPositions.of(new int[] {0, 0, 7, 0, 0, 6}, 2, 3).lastPositionsOnly()).isTrue();
        }
    }

    @Test
    void gathersWeightsDrawnPerSequenceOrPerPosition() {
        try (NDManager m = NDManager.newBaseManager()) {
            TargetPositions targets = TargetPositions.of(POSITIVES, 3, 4);
            NDArray perSequence = m.create(new float[] {0.1f, 0.2f, 0.3f}, new Shape(3, 1, 1));
            assertThat(targets.takeWeights(perSequence, m).toFloatArray()).containsExactly(0.1f, 0.1f, 0.2f, 0.2f, 0.2f, 0.3f);
            NDArray perPosition = m.arange(12f).reshape(3, 4, 1);
            assertThat(targets.takeWeights(perPosition, m).toFloatArray()).containsExactly(2f, 3f, 5f, 6f, 7f, 11f);
            assertThat(targets.takeWeights(m.create(0.5f), m).getShape()).isEqualTo(new Shape(6, 1));
        }
    }

    /** The gathered cross-sequence term has the padded computation's value and gradient. */
    @ParameterizedTest
    @ValueSource(strings = {"sequence", "item", "feature"})
    void crossLossEqualsThePaddedMixtureLoss(String granularity) {
        Engine.getInstance().setRandomSeed(9);
        try (NDManager m = NDManager.newBaseManager()) {
            int hidden = 5;
            NDArray mask = m.create(MASK, new Shape(3, 4));
            NDArray out = m.randomNormal(new Shape(3, 4, hidden));
            NDArray positive = m.randomNormal(new Shape(3, 4, hidden));
            NDArray negative = m.randomNormal(new Shape(3, 4, hidden));
            Shape lambdaShape = switch (granularity) {
                case "sequence" -> new Shape(3, 1, 1);
                case "item" -> new Shape(3, 4, 1);
                default -> new Shape(3, 1, hidden);
            };
            NDArray lambda = m.randomUniform(0f, 1f, lambdaShape);
            NDArray partner = m.create(PARTNER);

            out.setRequiresGradient(true);
            float padded;
            float[] paddedGradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = NextItemLoss.bce().mean(LINEAR.mix(out, Rows.take(out, partner), lambda),
                        LINEAR.mix(positive, Rows.take(positive, partner), lambda),
                        LINEAR.mix(negative, Rows.take(negative, partner), lambda), mask, null);
                collector.backward(loss);
                padded = loss.getFloat();
            }
            paddedGradient = out.getGradient().toFloatArray();
            out.getGradient().muli(0f);
            float gathered;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                TargetPositions targets = TargetPositions.of(POSITIVES, 3, 4);
                NDArray[] sources = {out, positive, negative};
                NDArray[] atTargets = {targets.take(out, m), targets.take(positive, m), targets.take(negative, m)};
                NDArray loss = BasRec.crossLoss(NextItemLoss.bce(), LINEAR, targets, sources, atTargets, PARTNER, lambda, m);
                collector.backward(loss);
                gathered = loss.getFloat();
            }
            assertThat(padded).isGreaterThan(0f);
            assertThat(gathered).isCloseTo(padded, within(1e-6f));
            assertThat(out.getGradient().toFloatArray()).containsExactly(paddedGradient, within(1e-6f));
        }
    }
}
