package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.seqaug.api.host.Rows;
import io.seqaug.api.host.Tensors;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

class TensorsTest {

    @Test
    void scaledGradientsSurviveGarbageCollectionBetweenForwardAndBackward() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 20; round++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(new float[] {1, 2, 3}, new Shape(3));
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray y = Tensors.scale(x.mul(x), 3f).sum();
                        collectGarbageUnderPressure();
                        gc.backward(y);
                    }
                    // d/dx 3 x^2 = 6 x
                    assertThat(x.getGradient().toFloatArray()).containsExactly(6f, 12f, 18f);
                }
            }
        }
    }

    @Test
    void aLossTermWithAPlainNumberWeightIsWeightedSafelyByTheHost() {
        // An augmenter written the naive way: its weight is a plain number on the term, and the host's
        // LossTerm.weighted() applies it; gradients stay exact through garbage collection.
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 20; round++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.create(new float[] {1, 2, 3}, new Shape(3));
                    x.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray total = new io.seqaug.api.LossTerm("naive", x.mul(x).sum(), 0.5).weighted();
                        collectGarbageUnderPressure();
                        assertThat(total.getFloat()).isEqualTo(7f); // 0.5 * (1 + 4 + 9)
                        gc.backward(total);
                    }
                    // d/dx 0.5 x^2 = x
                    assertThat(x.getGradient().toFloatArray()).containsExactly(1f, 2f, 3f);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.seqaug.api.LossTerm("bad", null, -1))
                .hasMessage("loss term 'bad': weight must be finite and >= 0, got -1.0");
    }

    /** Churns direct memory and collects, as a long training run does between forward and backward. */
    private static void collectGarbageUnderPressure() {
        List<ByteBuffer> churn = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            churn.add(ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
        }
        churn.clear();
        System.gc();
    }

    @Test
    void rowsTakeGathersAndRoutesGradientsBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray table = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
            table.setRequiresGradient(true);
            NDArray index = m.create(new long[] {2, 0, 2}, new Shape(3));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray picked = Rows.take(table, index);
                assertThat(picked.getShape()).isEqualTo(new Shape(3, 2));
                assertThat(picked.toFloatArray()).containsExactly(5f, 6f, 1f, 2f, 5f, 6f);
                gc.backward(picked.sum());
            }
            assertThat(table.getGradient().toFloatArray()).containsExactly(1f, 1f, 0f, 0f, 2f, 2f);
        }
    }
}
