package io.seqaug.backbones;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.api.ModelDims;
import org.junit.jupiter.api.Test;

/** The speed report's work estimates, hand-counted for small shapes. */
class ForwardFlopsTest {

    private static final ModelDims DIMS = new ModelDims(30, 1, 4, 8);

    @Test
    void sasrecCountsProjectionsFeedForwardAndCausalAttention() {
        var b = new SasRecProvider().create(DIMS, BackboneContractTest.settings("sasrec",
                "layers = 2, heads = 2, hidden-dropout = 0.1, attention-dropout = 0.1, "
                        + "last-position-layout = same, attention-layout = grouped, padding = zero"));
        // per layer, n = 3, H = 4: projections 4 H^2 and feed-forward 8 H^2 per item, 2 flops each:
        // 2 x 12 x 3 x 16 = 1152; attention 2 x 2 x n^2 x H = 144
        assertThat(b.forwardFlops(3)).isEqualTo(2 * (1152 + 144));
    }

    @Test
    void gru4recCountsThreeGatesAndTheDenseLayer() {
        var b = new Gru4RecProvider().create(DIMS,
                BackboneContractTest.settings("gru4rec", "layers = 1, gru-hidden-size = 8, dropout = 0.1, padding = zero"));
        // per item, E = 4, G = 8: gates 2 x 3 x 8 x (4 + 8) = 576, dense 2 x 8 x 4 = 64
        assertThat(b.forwardFlops(5)).isEqualTo(5 * (576 + 64));
        var twoLayers = new Gru4RecProvider().create(DIMS,
                BackboneContractTest.settings("gru4rec", "layers = 2, gru-hidden-size = 8, dropout = 0.1, padding = zero"));
        // the second layer reads 8 wide: 2 x 3 x 8 x (8 + 8) = 768 more per item
        assertThat(twoLayers.forwardFlops(5)).isEqualTo(5 * (576 + 768 + 64));
    }

    @Test
    void fmlpRecGrowsWithLengthAndLayers() {
        var one = new FmlpRecProvider().create(DIMS, BackboneContractTest.settings("fmlp-rec",
                "layers = 1, hidden-dropout = 0.1, last-block = every-position"));
        var two = new FmlpRecProvider().create(DIMS, BackboneContractTest.settings("fmlp-rec",
                "layers = 2, hidden-dropout = 0.1, last-block = every-position"));
        var twoShortcut = new FmlpRecProvider().create(DIMS, BackboneContractTest.settings("fmlp-rec",
                "layers = 2, hidden-dropout = 0.1, last-block = last-position"));
        // n = 4, H = 4: feed-forward 2 x 8 x 4 x 16 = 1024, FFTs 2 x 2.5 x 4 x log2(4) x 4 = 160, filter 6 x 16 = 96
        assertThat(one.forwardFlops(4)).isEqualTo(1024 + 160 + 96);
        assertThat(two.forwardFlops(4)).isEqualTo(2 * one.forwardFlops(4));
        // the last block at the last position: feed-forward 2 x 8 x 16 = 256, kernel sum 2 x 4 x 4 = 32
        assertThat(twoShortcut.forwardFlops(4)).isEqualTo(one.forwardFlops(4) + 256 + 32);
        assertThat(one.forwardFlops(8)).isGreaterThan(2 * one.forwardFlops(4) - 1);
    }
}
