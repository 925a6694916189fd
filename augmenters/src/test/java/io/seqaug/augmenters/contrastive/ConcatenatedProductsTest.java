package io.seqaug.augmenters.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

class ConcatenatedProductsTest {

    private static final int LENGTH = 6;
    private static final int HIDDEN = 3;

    /** Extents of the planted rows' outputs: non-zero at the last {@code extent} positions, zero before them. */
    private static final int[] EXTENTS = {2, 6, 0, 1, 4, 6, 3, 1};

    /**
     * Extents of their real items: row 3 has a real item whose output is zero, row 5 a padding position
     * whose output is not (as under published padding). Each row's extent is the larger of the two.
     */
    private static final int[] ITEM_EXTENTS = {2, 6, 0, 2, 4, 5, 3, 1};

    private static int extent(int row) {
        return Math.max(EXTENTS[row], ITEM_EXTENTS[row]);
    }

    private static NDArray ids(NDManager m) {
        int[] ids = new int[EXTENTS.length * LENGTH];
        for (int i = 0; i < EXTENTS.length; i++) {
            for (int t = LENGTH - ITEM_EXTENTS[i]; t < LENGTH; t++) {
                ids[i * LENGTH + t] = 1 + t;
            }
        }
        return m.create(ids, new Shape(EXTENTS.length, LENGTH));
    }

    /**
     * Rows with leading zero positions of the planted extents; row 4 also has a zero position inside
     * its extent (a masked item), which must not shorten it.
     */
    private static float[] planted() {
        SplittableRandom rng = new SplittableRandom(5);
        float[] values = new float[EXTENTS.length * LENGTH * HIDDEN];
        for (int i = 0; i < EXTENTS.length; i++) {
            for (int t = LENGTH - EXTENTS[i]; t < LENGTH; t++) {
                if (i == 4 && t == LENGTH - 2) {
                    continue;
                }
                for (int h = 0; h < HIDDEN; h++) {
                    values[(i * LENGTH + t) * HIDDEN + h] = (float) (rng.nextDouble() * 2 - 1);
                }
            }
        }
        return values;
    }

    @Test
    void productsEqualTheFullProductInTheOrderOfTheRowsExtents() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray encoded = m.create(planted(), new Shape(EXTENTS.length, LENGTH, HIDDEN));
            ConcatenatedProducts.Sorted sorted = ConcatenatedProducts.of(encoded, ids(m));
            int[] order = sorted.order();
            // longest extent first, ties in row order
            assertThat(extent(3)).isEqualTo(2);
            assertThat(order).containsExactly(1, 5, 4, 6, 0, 3, 7, 2);
            float[] full = encoded.reshape(EXTENTS.length, -1).matMul(encoded.reshape(EXTENTS.length, -1).transpose())
                    .toFloatArray();
            float[] trimmed = sorted.products().toFloatArray();
            int n = EXTENTS.length;
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    assertThat(trimmed[p * n + q]).as("(%d, %d)", p, q)
                            .isCloseTo(full[order[p] * n + order[q]], within(1e-6f));
                }
            }
            int[] position = sorted.positions();
            for (int p = 0; p < n; p++) {
                assertThat(position[order[p]]).isEqualTo(p);
            }
        }
    }

    @Test
    void bandsCoverEveryReachedPositionOnceAndStopWhereNoRowReaches() {
        // 4 rows reach the first 2 positions from the right, 1 row the next 3, none beyond
        int[] reaching = {4, 4, 1, 1, 1, 0, 0};
        List<int[]> bands = ConcatenatedProducts.bands(reaching, 6, 64);
        assertThat(bands.get(0)[0]).isZero();
        assertThat(bands.get(bands.size() - 1)[1]).isEqualTo(5);
        for (int i = 1; i < bands.size(); i++) {
            assertThat(bands.get(i)[0]).isEqualTo(bands.get(i - 1)[1]);
        }
        // with so few values per band the fixed cost dominates: one band
        assertThat(bands).hasSize(1);
        // with wide positions, rows that reach far are worth a band of their own
        int[] wide = new int[51];
        for (int t = 0; t < 50; t++) {
            wide[t] = t < 8 ? 512 : 16;
        }
        assertThat(ConcatenatedProducts.bands(wide, 50, 64)).containsExactly(new int[] {0, 8}, new int[] {8, 50});
        assertThat(ConcatenatedProducts.bands(new int[] {0, 0}, 1, 64)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(InfoNce.Similarity.class)
    void lossAndGradientEqualTheFlattenedRepresentations(InfoNce.Similarity similarity) {
        int batch = EXTENTS.length / 2;
        float[][] trimmed = lossAndGradient(e -> InfoNce.concatenated(e, ids(e.getManager()), batch, 0.7f, similarity));
        float[][] full = lossAndGradient(e -> {
            NDArray z = e.reshape(EXTENTS.length, -1);
            return InfoNce.loss(z.get("0:{}", batch), z.get("{}:", batch), 0.7f, similarity);
        });
        assertThat(trimmed[0][0]).isCloseTo(full[0][0], within(1e-5f));
        assertThat(trimmed[1]).hasSameSizeAs(full[1]);
        // equal within each row's extent; before it a position gets the full product's gradient where a band
        // spans it and none where it is left out (a backbone passes nothing on from its padding outputs)
        for (int i = 0; i < full[1].length; i++) {
            int row = i / (LENGTH * HIDDEN);
            int position = i / HIDDEN % LENGTH;
            if (position >= LENGTH - extent(row) || trimmed[1][i] != 0f) {
                assertThat(trimmed[1][i]).as("gradient %d", i).isCloseTo(full[1][i], within(1e-5f));
            }
        }
        assertThat(Arrays.copyOfRange(trimmed[1], 2 * LENGTH * HIDDEN, 3 * LENGTH * HIDDEN))
                .as("row 2, all padding, is left out").containsOnly(0f);
        assertThat(Arrays.copyOfRange(full[1], 2 * LENGTH * HIDDEN, 3 * LENGTH * HIDDEN)).doesNotContain(0f);
    }

    private static float[][] lossAndGradient(Function<NDArray, NDArray> loss) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray encoded = m.create(planted(), new Shape(EXTENTS.length, LENGTH, HIDDEN));
            encoded.setRequiresGradient(true);
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = loss.apply(encoded);
                value = l.getFloat();
                gc.backward(l);
            }
            return new float[][] {{value}, encoded.getGradient().toFloatArray()};
        }
    }
}
