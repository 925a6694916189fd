package io.seqaug.augmenters.mixup;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.MixupStrategy;

import java.util.random.RandomGenerator;

/**
 * A mixup whose lambda ~ Beta(beta, beta) has one value per sequence and, depending on the
 * granularity, per position or per hidden feature.
 */
final class BetaMixup implements MixupStrategy {

    /** What one lambda value covers. */
    enum Granularity {
        /** {@code [B, L, 1]}: one lambda per sequence and position. */
        ITEM,
        /** {@code [B, 1, H]}: one lambda per sequence and hidden feature. */
        FEATURE,
        /** {@code [B, 1, 1]}: one lambda per sequence. */
        SEQUENCE
    }

    private final Granularity granularity;
    private final BetaSampler sampler;

    BetaMixup(Granularity granularity, double beta) {
        this.granularity = granularity;
        this.sampler = new BetaSampler(beta);
    }

    @Override
    public NDArray sampleLambda(NDManager manager, Shape shape, RandomGenerator rng) {
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("mixup expects [B, L, H] tensors, got " + shape);
        }
        Shape lambdaShape = switch (granularity) {
            case ITEM -> new Shape(shape.get(0), shape.get(1), 1);
            case FEATURE -> new Shape(shape.get(0), 1, shape.get(2));
            case SEQUENCE -> new Shape(shape.get(0), 1, 1);
        };
        float[] values = new float[(int) lambdaShape.size()];
        sampler.fill(values, rng);
        return manager.create(values, lambdaShape);
    }
}
