package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FmlpFilterTest {

    private static final int HIDDEN = 3;

    /** Random inputs {@code [2, L, 3]} and filter parts {@code [3, F]}, from the engine's seeded generator. */
    private record Filter(NDArray x, NDArray c, NDArray d) {
        static Filter random(NDManager m, int length, int seed) {
            Engine.getInstance().setRandomSeed(seed);
            int frequencies = length / 2 + 1;
            return new Filter(m.randomNormal(new Shape(2, length, HIDDEN)), m.randomNormal(new Shape(HIDDEN, frequencies)),
                    m.randomNormal(new Shape(HIDDEN, frequencies)));
        }
    }

    /** The matrix form of the filter equals the engine's real FFT, complex product and inverse FFT. */
    @ParameterizedTest
    @ValueSource(ints = {8, 7, 50})
    void matrixFilterMatchesTheEnginesFft(int length) {
        try (NDManager m = NDManager.newBaseManager()) {
            Filter f = Filter.random(m, length, 3);
            NDArray x = f.x();
            NDArray c = f.c();
            NDArray d = f.d();
            NDArray ours = FmlpRec.spectralFilter(x, c, d, FmlpRec.forwardDft(length), FmlpRec.inverseDft(length));

            NDArray spectrum = x.rfft(length, 1).real(); // [B, F, H, 2]
            NDArray a = spectrum.get(new NDIndex("..., 0"));
            NDArray b = spectrum.get(new NDIndex("..., 1"));
            NDArray ct = c.transpose();
            NDArray dt = d.transpose();
            NDArray re = a.mul(ct).sub(b.mul(dt));
            NDArray im = a.mul(dt).add(b.mul(ct));
            NDArray reference = NDArrays.stack(new NDList(re, im), -1).complex()
                    .irfft(length, 1);
            assertThat(ours.getShape()).isEqualTo(new Shape(2, length, HIDDEN));
            assertThat(ours.sub(reference).abs().max().getFloat()).isLessThan(1e-4f);
        }
    }

    /** The last-position kernel gives the filter's output at the last position as a weighted sum. */
    @ParameterizedTest
    @ValueSource(ints = {8, 7, 50})
    void lastKernelGivesTheFilterAtTheLastPosition(int length) {
        try (NDManager m = NDManager.newBaseManager()) {
            Filter f = Filter.random(m, length, 4);
            NDArray x = f.x();
            NDArray c = f.c();
            NDArray d = f.d();
            float[] forward = FmlpRec.forwardDft(length);
            float[] inverse = FmlpRec.inverseDft(length);
            NDArray kernel = FmlpRec.lastKernel(m, c, d, forward, inverse);
            NDArray full = FmlpRec.spectralFilter(x, c, d, forward, inverse).get(new NDIndex(":, -1, :"));
            assertThat(kernel.getShape()).isEqualTo(new Shape(length, HIDDEN));
            assertThat(x.mul(kernel).sum(new int[] {1}).sub(full).abs().max().getFloat()).isLessThan(1e-4f);
        }
    }

    /** A filter that only passes frequency 0 averages the sequence: every kernel weight is c / L. */
    @Test
    void lastKernelOfTheMeanFilterIsUniform() {
        try (NDManager m = NDManager.newBaseManager()) {
            int length = 4;
            NDArray c = m.create(new float[] {2f, 0f, 0f}, new Shape(1, 3));
            NDArray d = m.zeros(new Shape(1, 3));
            NDArray kernel = FmlpRec.lastKernel(m, c, d, FmlpRec.forwardDft(length), FmlpRec.inverseDft(length));
            assertThat(kernel.toFloatArray()).containsExactly(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, within(1e-6f));
        }
    }
}
