package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GRU4Rec's two padding treatments: zero (padding-invariant) and the published one. */
class Gru4RecPaddingTest {

    private static final ModelDims DIMS = new ModelDims(30, 1, 8, 6);
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static Backbone build(String padding) {
        Engine.getInstance().setRandomSeed(3);
        Backbone b = new Gru4RecProvider().create(DIMS, BackboneContractTest.settings("gru4rec",
                "layers = 1, gru-hidden-size = 8, dropout = 0.0, padding = " + padding));
        b.initialize(manager);
        return b;
    }

    /** The last output for items (4, 5, 6) behind one and behind three padding positions. */
    private static float lastOutputGap(Backbone b) {
        try (NDManager m = manager.newSubManager()) {
            NDArray shortPad = m.create(new int[] {0, 4, 5, 6}, new Shape(1, 4));
            NDArray longPad = m.create(new int[] {0, 0, 0, 4, 5, 6}, new Shape(1, 6));
            NDArray a = b.encode(shortPad, false).get(":, -1, :");
            NDArray c = b.encode(longPad, false).get(":, -1, :");
            return a.sub(c).abs().max().getFloat();
        }
    }

    @Test
    void zeroPaddingIsInvariantToTheAmountOfPadding() {
        Backbone b = build("zero");
        assertThat(b.paddingInvariant()).isTrue();
        assertThat(b.itemTable().get(0).abs().sum().getFloat()).isZero();
        assertThat(lastOutputGap(b)).isLessThan(1e-6f);
    }

    @Test
    void publishedPaddingIsAFixedRandomEmbeddingThatTheGruReads() {
        Backbone b = build("published");
        assertThat(b.paddingInvariant()).isFalse();
        assertThat(b.itemTable().get(0).abs().sum().getFloat()).isPositive();
        assertThat(lastOutputGap(b)).isGreaterThan(1e-6f);
    }

    @Test
    void publishedPaddingRowNeverGetsAGradient() {
        Backbone b = build("published");
        for (Parameter p : b.parameters()) {
            p.getArray().setRequiresGradient(true);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(new int[] {0, 0, 1, 2, 3, 4, 0, 5, 6, 7, 8, 9}, new Shape(2, 6));
            NDArray pos = m.create(new int[] {0, 0, 2, 3, 4, 5, 0, 6, 7, 8, 9, 10}, new Shape(2, 6));
            NDArray neg = m.create(new int[] {0, 0, 20, 21, 22, 23, 0, 24, 25, 26, 27, 28}, new Shape(2, 6));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = b.encode(x, true);
                gc.backward(NextItemLoss.bce().mean(out, b.embed(pos), b.embed(neg), pos.gt(0).toType(DataType.FLOAT32, false),
                        null));
            }
            NDArray grad = b.itemTable().getGradient();
            grad.attach(m);
            assertThat(grad.get("0").abs().sum().getFloat()).isZero();
            assertThat(grad.get("1").abs().sum().getFloat()).isPositive();
            for (Parameter p : b.parameters()) {
                NDArray g = p.getArray().getGradient();
                g.attach(m);
                g.subi(g);
            }
        }
    }

    @Test
    void unknownPaddingIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> build("ones")).hasMessageContaining("seqaug.backbone.gru4rec.padding")
                .hasMessageContaining("'ones'");
    }
}
