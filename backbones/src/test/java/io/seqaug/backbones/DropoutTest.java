package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.seqaug.api.host.Dropout;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static final Shape SHAPE = new Shape(40, 50, 64);

    @Test
    void hostMasksZeroAboutTheRateAndScaleTheRestByTheKeptShare() {
        try (NDManager m = NDManager.newBaseManager(); Dropout.Scope scope = Dropout.hostMasks(7)) {
            NDArray x = m.ones(SHAPE).mul(m.create(3f));
            float[] y = Dropout.apply(x, 0.2f, true).toFloatArray();
            int zeros = 0;
            for (float v : y) {
                if (v == 0f) {
                    zeros++;
                } else {
                    assertThat(v).isEqualTo(3f * (1f / 0.8f));
                }
            }
            // 128,000 draws at 0.2: the standard deviation of the share is 0.0011
            assertThat(zeros / (double) y.length).isCloseTo(0.2, within(0.006));
        }
    }

    @Test
    void theGradientIsTheMask() {
        try (NDManager m = NDManager.newBaseManager(); Dropout.Scope scope = Dropout.hostMasks(11)) {
            NDArray x = m.randomNormal(new Shape(7, 9)).add(m.create(5f));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = Dropout.apply(x, 0.5f, true);
                gc.backward(y.sum());
            }
            float[] out = y.toFloatArray();
            float[] in = x.toFloatArray();
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < out.length; i++) {
                assertThat(grad[i]).isEqualTo(out[i] == 0f ? 0f : 2f);
                assertThat(out[i]).isEqualTo(out[i] == 0f ? 0f : in[i] * 2f);
            }
        }
    }

    @Test
    void theStreamFollowsItsSeedOnlyAndIsUsedWhileTheScopeIsOpen() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(1001));
            float[] first = masked(x, 42);
            assertThat(masked(x, 42)).containsExactly(first);
            assertThat(masked(x, 43)).isNotEqualTo(first);

            // outside the scope the engine draws, from its own seed
            Engine.getInstance().setRandomSeed(42);
            float[] engine = Dropout.apply(x, 0.5f, true).toFloatArray();
            Engine.getInstance().setRandomSeed(42);
            assertThat(Dropout.apply(x, 0.5f, true).toFloatArray()).containsExactly(engine);
            assertThat(engine).isNotEqualTo(first);
        }
    }

    @Test
    void scopesNestAndRestoreWhatWasThere() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(257));
            float[] expected;
            try (Dropout.Scope outer = Dropout.hostMasks(1)) {
                expected = Dropout.apply(x, 0.5f, true).toFloatArray();
            }
            try (Dropout.Scope outer = Dropout.hostMasks(1)) {
                try (Dropout.Scope inner = Dropout.hostMasks(2)) {
                    Dropout.apply(x, 0.5f, true);
                }
                // the outer stream goes on where it was
                assertThat(Dropout.apply(x, 0.5f, true).toFloatArray()).containsExactly(expected);
            }
        }
    }

    @Test
    void evaluationAndRateZeroReturnTheInputAndRateOneIsRefused() {
        try (NDManager m = NDManager.newBaseManager(); Dropout.Scope scope = Dropout.hostMasks(3)) {
            NDArray x = m.ones(new Shape(4));
            assertThat(Dropout.apply(x, 0.5f, false)).isSameAs(x);
            assertThat(Dropout.apply(x, 0f, true)).isSameAs(x);
            assertThatThrownBy(() -> Dropout.apply(x, 1f, true))
                    .hasMessage("dropout rate 1.0 would zero every entry; give a rate below 1");
        }
    }

    @Test
    void activationsOfAnotherTypeKeepTheEnginesMasks() {
        try (NDManager m = NDManager.newBaseManager(); Dropout.Scope scope = Dropout.hostMasks(5)) {
            NDArray doubles = m.ones(new Shape(64), DataType.FLOAT64);
            Engine.getInstance().setRandomSeed(9);
            NDArray dropped = Dropout.apply(doubles, 0.5f, true);
            assertThat(dropped.getDataType()).isEqualTo(DataType.FLOAT64);
            Engine.getInstance().setRandomSeed(9);
            assertThat(dropped.toDoubleArray())
                    .containsExactly(doubles.getNDArrayInternal().dropout(doubles, 0.5f, true).singletonOrThrow().toDoubleArray());
        }
    }

    private static float[] masked(NDArray x, long seed) {
        try (Dropout.Scope scope = Dropout.hostMasks(seed)) {
            return Dropout.apply(x, 0.5f, true).toFloatArray();
        }
    }
}
