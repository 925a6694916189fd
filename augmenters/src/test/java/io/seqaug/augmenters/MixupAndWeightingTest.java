package io.seqaug.augmenters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.LossWeighting;
import io.seqaug.api.MixupStrategy;
import io.seqaug.api.ModelDims;
import io.seqaug.augmenters.mixup.BetaSampler;
import io.seqaug.testkit.KitContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

class MixupAndWeightingTest {

    private static final KitContext CONTEXT = new KitContext(new ModelDims(10, 1, 4, 5));
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void betaDrawsHaveTheRightMeanAndVariance() {
        for (double a : new double[] {0.3, 0.4, 1.0, 2.5}) {
            BetaSampler sampler = new BetaSampler(a);
            SplittableRandom rng = new SplittableRandom(11);
            int n = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = sampler.sample(rng);
                assertThat(x).isBetween(0.0, 1.0);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double variance = sumSq / n - mean * mean;
            // Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1))
            assertThat(mean).as("mean, a=" + a).isCloseTo(0.5, within(0.005));
            assertThat(variance).as("variance, a=" + a).isCloseTo(1.0 / (4 * (2 * a + 1)), within(0.003));
        }
    }

    @Test
    void lambdaShapesSayWhatIsMixed() {
        Shape shape = new Shape(3, 5, 4);
        var config = Map.of("beta", 0.4);
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(CONTEXT.mixup("item-wise", config).sampleLambda(manager, shape, rng).getShape()).isEqualTo(new Shape(3, 5, 1));
        assertThat(CONTEXT.mixup("feature-wise", config).sampleLambda(manager, shape, rng).getShape())
                .isEqualTo(new Shape(3, 1, 4));
        assertThat(CONTEXT.mixup("sequence-wise", config).sampleLambda(manager, shape, rng).getShape())
                .isEqualTo(new Shape(3, 1, 1));
    }

    @Test
    void mixIsTheConvexCombination() {
        MixupStrategy mixup = CONTEXT.mixup("sequence-wise", Map.of("beta", 1));
        try (NDManager m = manager.newSubManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 1, 2));
            NDArray b = m.create(new float[] {5, 6, 7, 8}, new Shape(2, 1, 2));
            NDArray lambda = m.create(new float[] {0.25f, 1f}, new Shape(2, 1, 1));
            assertThat(mixup.mix(a, b, lambda).toFloatArray()).containsExactly(4f, 5f, 3f, 4f);
        }
    }

    @Test
    void adaptiveWeightsAreMinMaxNormalisedInverseLambdaTimesRate() {
        LossWeighting adaptive = CONTEXT.weighting("adaptive", Map.of());
        try (NDManager m = manager.newSubManager()) {
            // raw 1/(lambda*rate): 1/(0.5*0.2)=10, 1/(0.5*0.5)=4, 1/(1*0.5)=2 -> (x-2)/8
            NDArray rates = m.create(new float[] {0.2f, 0.5f, 0.5f, 0.3f, 0.3f, 0.3f}, new Shape(2, 3));
            NDArray lambdas = m.create(new float[] {0.5f, 0.5f, 1f, 0.5f, 0.5f, 0.5f}, new Shape(2, 3));
            float[] w = adaptive.weights(rates, lambdas).toFloatArray();
            assertThat(w[0]).isCloseTo(1f, within(1e-5f));
            assertThat(w[1]).isCloseTo(0.25f, within(1e-5f));
            assertThat(w[2]).isCloseTo(0f, within(1e-5f));
            // a group whose weights are all equal gets 1, never NaN
            assertThat(new float[] {w[3], w[4], w[5]}).containsExactly(1f, 1f, 1f);
            float[] uniform = CONTEXT.weighting("uniform", Map.of()).weights(rates, lambdas).toFloatArray();
            assertThat(uniform).containsOnly(1f);
        }
    }

    @Test
    void nextItemLossIsTheMeanOrTheSequenceWeightedMeanOverTargets() {
        try (NDManager m = manager.newSubManager()) {
            // two sequences of two positions, H = 1; hidden 0 everywhere makes every position's
            // loss softplus(0) + softplus(0) = 2 ln 2, except where the hidden state is 10
            NDArray hidden = m.create(new float[] {0, 0, 10, 0}, new Shape(2, 2, 1));
            NDArray positive = m.create(new float[] {1, 1, 1, 1}, new Shape(2, 2, 1));
            NDArray negative = m.create(new float[] {0, 0, 0, 0}, new Shape(2, 2, 1));
            NDArray mask = m.create(new float[] {0, 1, 1, 1}, new Shape(2, 2));
            double ln2 = Math.log(2);
            double sharp = Math.log1p(Math.exp(-10)) + ln2; // softplus(-10) + softplus(0)
            float plain = io.seqaug.api.NextItemLoss.bce().mean(hidden, positive, negative, mask, null).getFloat();
            assertThat((double) plain).isCloseTo((2 * ln2 + sharp + 2 * ln2) / 3, within(1e-6));
            NDArray weights = m.create(new float[] {0.5f, 1f}, new Shape(2));
            float weighted = io.seqaug.api.NextItemLoss.bce().mean(hidden, positive, negative, mask, weights).getFloat();
            assertThat((double) weighted).isCloseTo((0.5 * 2 * ln2 + sharp + 2 * ln2) / 2.5, within(1e-6));
            NDArray zero = m.create(new float[] {0f, 0f}, new Shape(2));
            assertThat(io.seqaug.api.NextItemLoss.bce().mean(hidden, positive, negative, mask, zero).getFloat()).isZero();
        }
    }
}
