package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

class FmlpRecLastBlockTest {

    private static final ModelDims DIMS = new ModelDims(20, 1, 8, 6);
    private static final int[] IDS = {0, 0, 3, 4, 5, 6, 1, 2, 3, 4, 5, 7, 0, 0, 0, 0, 0, 9};

    private static Backbone build(NDManager m, double dropout, String lastBlock) {
        Engine.getInstance().setRandomSeed(11);
        Backbone fmlp = new FmlpRecProvider().create(DIMS, BackboneContractTest.settings("fmlp-rec",
                "layers = 2, hidden-dropout = " + dropout + ", last-block = " + lastBlock));
        fmlp.initialize(m);
        return fmlp;
    }

    /** Without dropout the shortcut is the full computation at the last position, gradients included. */
    @Test
    void lastPositionShortcutHasTheFullValueAndGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone fmlp = build(m, 0, "last-position");
            NDArray ids = m.create(IDS, new Shape(3, 6));
            NDArray weights = m.randomNormal(new Shape(3, 8));
            List<float[]> full = new ArrayList<>();
            float fullLoss = lossAndGradients(fmlp, x -> fmlp.encodeEmbedded(fmlp.embed(x), x, true)
                    .get(new NDIndex(":, -1, :")), ids, weights, full);
            List<float[]> shortcut = new ArrayList<>();
            float shortcutLoss = lossAndGradients(fmlp, x -> fmlp.encodeEmbeddedLast(fmlp.embed(x), x, true), ids, weights,
                    shortcut);
            assertThat(shortcutLoss).isCloseTo(fullLoss, within(1e-5f));
            for (int i = 0; i < full.size(); i++) {
                assertThat(shortcut.get(i)).as(fmlp.parameters().get(i).getName()).containsExactly(full.get(i), within(1e-5f));
            }
            // every block's filter learns through the shortcut
            assertThat(full.stream().filter(g -> g.length > 0 && maxAbs(g) > 0)).hasSize(full.size());
        }
    }

    /** "every-position" runs the full computation, so training draws the same dropout masks as encodeEmbedded. */
    @Test
    void everyPositionKeepsTheRandomStreamOfTheFullComputation() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone fmlp = build(m, 0.5, "every-position");
            NDArray ids = m.create(IDS, new Shape(3, 6));
            Engine.getInstance().setRandomSeed(3);
            NDArray full = fmlp.encodeEmbedded(fmlp.embed(ids), ids, true).get(new NDIndex(":, -1, :"));
            Engine.getInstance().setRandomSeed(3);
            NDArray last = fmlp.encodeEmbeddedLast(fmlp.embed(ids), ids, true);
            assertThat(last.toFloatArray()).containsExactly(full.toFloatArray());
        }
    }

    /** The shortcut still applies dropout in training, and none in evaluation. */
    @Test
    void lastPositionShortcutAppliesDropoutOnlyInTraining() {
        try (NDManager m = NDManager.newBaseManager()) {
            Backbone fmlp = build(m, 0.5, "last-position");
            NDArray ids = m.create(IDS, new Shape(3, 6));
            NDArray evaluation = fmlp.encodeEmbeddedLast(fmlp.embed(ids), ids, false);
            NDArray full = fmlp.encode(ids, false).get(new NDIndex(":, -1, :"));
            assertThat(evaluation.sub(full).abs().max().getFloat()).isLessThan(1e-5f);
            NDArray training = fmlp.encodeEmbeddedLast(fmlp.embed(ids), ids, true);
            assertThat(training.sub(evaluation).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    private static float lossAndGradients(Backbone fmlp, Function<NDArray, NDArray> last, NDArray ids, NDArray weights,
            List<float[]> gradients) {
        for (Parameter p : fmlp.parameters()) {
            p.getArray().setRequiresGradient(true);
        }
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = last.apply(ids).mul(weights).sum();
            collector.backward(loss);
            value = loss.getFloat();
        }
        for (Parameter p : fmlp.parameters()) {
            NDArray grad = p.getArray().getGradient();
            gradients.add(grad.toFloatArray());
            grad.muli(0f);
        }
        return value;
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
