package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.NextItemLoss;
import io.seqaug.api.host.Tensors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The softmax cross-entropy option against hand-computed values on a three-item catalogue. */
class NextItemLossTest {

    private static NDManager manager;
    private static Backbone backbone;

    @BeforeAll
    static void tinyCatalogue() {
        manager = NDManager.newBaseManager();
        // items 1..3 and one reserved id (the mask), hidden size 2
        backbone = new SasRecProvider().create(new ModelDims(3, 1, 2, 4), BackboneContractTest.settings("sasrec",
                "layers = 1, heads = 1, hidden-dropout = 0.0, attention-dropout = 0.0, last-position-layout = same, attention-layout = padded,"
                + " padding = zero"));
        backbone.initialize(manager);
        // padding (100, 100), items (1, 0), (0, 1), (1, 1), mask (50, 50): if padding or the mask took
        // part in the softmax, they would dominate it
        Tensors.assign(backbone.itemTable(), new float[] {100, 100, 1, 0, 0, 1, 1, 1, 50, 50});
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static NDArray row(float... values) {
        return manager.create(values, new Shape(1, 1, values.length));
    }

    /** h = (1, 2): logits 1, 2, 3 over items 1..3, so logsumexp = log(e + e^2 + e^3). */
    private static final double LSE = Math.log(Math.E + Math.exp(2) + Math.exp(3));

    @Test
    void crossEntropyIsTheSoftmaxOverRealItemsOnly() {
        NextItemLoss ce = NextItemLoss.of(NextItemLoss.Kind.CE, backbone);
        NDArray mask = manager.ones(new Shape(1, 1));
        // target item 2, embedding (0, 1): -log softmax = LSE - 2
        float loss = ce.mean(row(1, 2), row(0, 1), null, mask, null).getFloat();
        assertThat(loss).isCloseTo((float) (LSE - 2), within(1e-5f));
    }

    @Test
    void aMixedTargetGivesTheMixtureOfTheTwoCrossEntropies() {
        NextItemLoss ce = NextItemLoss.of(NextItemLoss.Kind.CE, backbone);
        NDArray mask = manager.ones(new Shape(1, 1));
        // 0.25 x item 1 + 0.75 x item 3 = (1, 0.75): 0.25 (LSE - 1) + 0.75 (LSE - 3)
        float loss = ce.mean(row(1, 2), row(1f, 0.75f), null, mask, null).getFloat();
        assertThat(loss).isCloseTo((float) (0.25 * (LSE - 1) + 0.75 * (LSE - 3)), within(1e-5f));
    }

    @Test
    void binaryCrossEntropyUsesThePositiveAndTheNegative() {
        NDArray mask = manager.ones(new Shape(1, 1));
        // h.p = 2, h.n = 1: softplus(-2) + softplus(1)
        float loss = NextItemLoss.bce().mean(row(1, 2), row(0, 1), row(1, 0), mask, null).getFloat();
        assertThat(loss).isCloseTo((float) (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1))), within(1e-6f));
    }

    @Test
    void crossEntropyGradientReachesEveryRealItem() {
        NextItemLoss ce = NextItemLoss.of(NextItemLoss.Kind.CE, backbone);
        NDArray table = backbone.itemTable();
        table.setRequiresGradient(true);
        try (var collector = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray h = row(1, 2);
            NDArray target = backbone.embed(manager.create(new long[] {2}, new Shape(1, 1)));
            collector.backward(ce.mean(h, target, null, manager.ones(new Shape(1, 1)), null));
        }
        float[] g = table.getGradient().toFloatArray();
        // d/dE_i = softmax_i x h for the competitors, minus h for the target (item 2)
        double z = Math.E + Math.exp(2) + Math.exp(3);
        assertThat(g[2]).isCloseTo((float) (Math.E / z), within(1e-5f));
        assertThat(g[4]).isCloseTo((float) (Math.exp(2) / z - 1), within(1e-5f));
        assertThat(g[0]).isZero();
        assertThat(g[8]).isZero();
        table.setRequiresGradient(false);
    }

    @Test
    void namesTheLossesItKnows() {
        assertThat(NextItemLoss.Kind.parse("CE")).isEqualTo(NextItemLoss.Kind.CE);
        assertThatThrownBy(() -> NextItemLoss.Kind.parse("bpr")).hasMessageContaining("unknown next-item loss 'bpr' (bce, ce)");
    }
}
