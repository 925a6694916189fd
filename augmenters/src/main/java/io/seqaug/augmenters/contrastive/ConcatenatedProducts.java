package io.seqaug.augmenters.contrastive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Rows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pairwise dot products of sequences represented by their outputs at every position concatenated
 * ({@code [N, L x H]}), computed without the positions where a row's outputs are all zero.
 *
 * <p>Sequences are left-padded, and a backbone with zero padding outputs (SASRec's default) gives a
 * short sequence {@code L - n} leading zero vectors. The full product multiplies them anyway: for
 * Beauty's views, most of a {@code 512 x 3,200} matrix. Here the rows are sorted by the extent of
 * their non-zero outputs (from the first non-zero position to the end), the positions are cut into
 * bands counted from the right, and each band multiplies only the rows that reach into it; the band
 * products add up to the full one.
 *
 * <p>A row's extent starts at its first real item or its first non-zero output, whichever comes
 * first, so only padding positions whose outputs are all zero are left out: a backbone that computes
 * padding outputs (SASRec's {@code padding = published}) has them all multiplied. Those left out get
 * no gradient, where the full product sends them some; a backbone's padding outputs are zero because
 * it sets them so, which passes no gradient on, so the parameters' gradients are the full product's.
 * The sums are the same numbers added in another order, so results differ from the full product in
 * the last bits (and training runs diverge from there).
 */
public final class ConcatenatedProducts {

    /**
     * The fixed cost of one band, in multiply-adds: its half dozen operations forward and backward,
     * about a third of a millisecond on this project's 2-core machine. It keeps the bands few.
     */
    private static final long BAND_OVERHEAD = 1L << 24;

    private ConcatenatedProducts() {}

    /**
     * Products of rows in a new order.
     *
     * @param products {@code [N, N]}, entry (p, q) the product of rows {@code order[p]} and {@code order[q]}
     * @param order the original row of each sorted row
     */
    public record Sorted(NDArray products, int[] order) {

        /**
         * Where each original row went.
         *
         * @return {@code position[order[p]] == p}
         */
        public int[] positions() {
            int[] position = new int[order.length];
            for (int p = 0; p < order.length; p++) {
                position[order[p]] = p;
            }
            return position;
        }
    }

    /**
     * The products of every pair of rows.
     *
     * @param encoded {@code [N, L, H]} outputs
     * @param ids {@code [N, L]} the item ids they encode, 0 at padding
     * @return the {@code [N, N]} products of the rows flattened to {@code L x H}, in the order of the
     *     rows' extents, longest first
     */
    public static Sorted of(NDArray encoded, NDArray ids) {
        Shape shape = encoded.getShape();
        int n = (int) shape.get(0);
        int length = (int) shape.get(1);
        int hidden = (int) shape.get(2);
        boolean[] nonZero = encoded.stopGradient().abs().max(new int[] {2}).gt(0f).toBooleanArray();
        int[] items = ids.toType(DataType.INT32, false).toIntArray();
        int[] extent = new int[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                if (nonZero[i * length + t] || items[i * length + t] != 0) {
                    extent[i] = length - t;
                    break;
                }
            }
        }
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingInt((Integer i) -> -extent[i]))
                .mapToInt(Integer::intValue).toArray();
        // reaching[t]: rows whose extent covers the t-th position from the right, the first reaching[t] sorted rows
        int[] reaching = new int[length + 1];
        for (int e : extent) {
            for (int t = 0; t < e; t++) {
                reaching[t]++;
            }
        }
        NDManager m = encoded.getManager();
        long[] orderIds = new long[n];
        for (int p = 0; p < n; p++) {
            orderIds[p] = order[p];
        }
        NDArray sorted = Rows.take(encoded, m.create(orderIds));
        NDArray total = null;
        for (int[] band : bands(reaching, length, hidden)) {
            int rows = reaching[band[0]];
            NDArray block = sorted.get(new NDIndex("0:{}, {}:{}, :", rows, length - band[1], length - band[0]))
                    .reshape(rows, (long) (band[1] - band[0]) * hidden);
            NDArray part = block.matMul(block.transpose());
            if (rows < n) {
                part = part.concat(m.zeros(new Shape(rows, n - rows)), 1).concat(m.zeros(new Shape(n - rows, n)), 0);
            }
            total = total == null ? part : total.add(part);
        }
        if (total == null) {
            total = m.zeros(new Shape(n, n));
        }
        return new Sorted(total, order);
    }

    /**
     * Bands of positions counted from the right, {@code [from, to)}, covering every position that some
     * row reaches, chosen to minimise the multiply-adds plus a fixed cost per band.
     *
     * @param reaching rows reaching each position from the right, non-increasing
     * @param length positions
     * @param hidden values per position
     * @return the bands, rightmost first
     */
    static List<int[]> bands(int[] reaching, int length, int hidden) {
        int end = 0;
        while (end < length && reaching[end] > 0) {
            end++;
        }
        long[] best = new long[end + 1];
        int[] from = new int[end + 1];
        for (int to = 1; to <= end; to++) {
            best[to] = Long.MAX_VALUE;
            for (int start = 0; start < to; start++) {
                long rows = reaching[start];
                long cost = best[start] + rows * rows * (to - start) * hidden + BAND_OVERHEAD;
                if (cost < best[to]) {
                    best[to] = cost;
                    from[to] = start;
                }
            }
        }
        List<int[]> bands = new ArrayList<>();
        for (int to = end; to > 0; to = from[to]) {
            bands.add(0, new int[] {from[to], to});
        }
        return bands;
    }
}
