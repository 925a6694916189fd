package io.seqaug.augmenters.mixup;

import java.util.random.RandomGenerator;

/**
 * Draws from a symmetric Beta(a, a) distribution as X / (X + Y) with X, Y ~ Gamma(a, 1), using
 * Marsaglia and Tsang's method for the Gamma draws (with the usual boost for shapes below 1).
 */
public final class BetaSampler {

    private final double shape;

    /**
     * Creates a sampler.
     *
     * @param shape the parameter a of Beta(a, a), positive
     */
    public BetaSampler(double shape) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("beta must be positive and finite, got " + shape);
        }
        this.shape = shape;
    }

    /**
     * One draw.
     *
     * @param rng the generator
     * @return a value in [0, 1]
     */
    public double sample(RandomGenerator rng) {
        double x = gamma(shape, rng);
        double y = gamma(shape, rng);
        double sum = x + y;
        // Both draws can underflow to 0 for tiny shapes; the symmetric answer is then 1/2.
        return sum > 0 ? x / sum : 0.5;
    }

    /**
     * Fills an array with draws.
     *
     * @param out the array
     * @param rng the generator
     */
    public void fill(float[] out, RandomGenerator rng) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sample(rng);
        }
    }

    static double gamma(double a, RandomGenerator rng) {
        if (a < 1) {
            // Gamma(a) = Gamma(a + 1) * U^(1/a)
            double u = rng.nextDouble();
            return gamma(a + 1, rng) * Math.pow(u, 1.0 / a);
        }
        double d = a - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
