package io.seqaug.augmenters.contrastive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.seqaug.api.host.Tensors;

/**
 * The in-batch contrastive loss of CL4SRec, CoSeRec, ICLRec and DuoRec (InfoNCE, or NT-Xent): for
 * two batches of representations {@code a} and {@code b} where rows {@code a_i} and {@code b_i}
 * belong together, every one of the 2B rows must find its partner among the other 2B - 1 rows by a
 * softmax over scaled similarities. The 2B - 2 rows that are not its partner are its negatives.
 */
public final class InfoNce {

    private InfoNce() {}

    /** How two representations are compared. */
    public enum Similarity {
        /** The dot product, as CL4SRec (in ICLRec's code), ICLRec and DuoRec use. */
        DOT,
        /** The cosine. */
        COSINE
    }

    /**
     * The mean over 2B rows of the cross-entropy of finding each row's partner.
     *
     * @param a {@code [B, D]}
     * @param b {@code [B, D]}, row {@code i} the partner of {@code a}'s row {@code i}
     * @param temperature the softmax temperature
     * @param similarity how rows are compared
     * @return a scalar
     */
    public static NDArray loss(NDArray a, NDArray b, float temperature, Similarity similarity) {
        NDArray z = a.concat(b, 0);
        if (similarity == Similarity.COSINE) {
            NDArray norms = z.norm(new int[] {1}, true);
            z = z.div(norms.maximum(Tensors.constant(norms, 1e-8f)));
        }
        return pairs(z, (int) a.getShape().get(0), temperature);
    }

    /**
     * NT-Xent over 2B representations where rows b and b + B are the two of one pair.
     *
     * @param z {@code [2B, D]} representations
     * @param batch B
     * @param temperature the softmax temperature
     * @return the mean cross-entropy of finding each row's partner among the other 2B - 1 rows
     */
    public static NDArray pairs(NDArray z, int batch, float temperature) {
        int n = 2 * batch;
        long[] partner = new long[n];
        for (int i = 0; i < n; i++) {
            partner[i] = i < batch ? i + batch : i - batch;
        }
        return fromProducts(z.matMul(z.transpose()), partner, temperature);
    }

    /**
     * InfoNCE of two views per sequence represented by every position's output concatenated, with the
     * products computed by {@link ConcatenatedProducts} (equal to {@link #loss} of the flattened outputs up
     * to the order of additions).
     *
     * @param encoded {@code [2B, L, H]} outputs, rows {@code b} and {@code b + B} the two views of one sequence
     * @param ids {@code [2B, L]} the item ids they encode, 0 at padding
     * @param batch B
     * @param temperature the softmax temperature
     * @param similarity how rows are compared
     * @return a scalar
     */
    public static NDArray concatenated(NDArray encoded, NDArray ids, int batch, float temperature,
            Similarity similarity) {
        ConcatenatedProducts.Sorted sorted = ConcatenatedProducts.of(encoded, ids);
        int[] order = sorted.order();
        int[] position = sorted.positions();
        int n = order.length;
        long[] partner = new long[n];
        for (int p = 0; p < n; p++) {
            int row = order[p];
            partner[p] = position[row < batch ? row + batch : row - batch];
        }
        NDArray products = sorted.products();
        if (similarity == Similarity.COSINE) {
            // the floor before the root: a row of zeros then gets no gradient rather than 0 / 0
            NDArray squares = products.diagonal();
            NDArray norms = squares.maximum(Tensors.constant(squares, 1e-16f)).sqrt();
            products = products.div(norms.expandDims(1)).div(norms.expandDims(0));
        }
        return fromProducts(products, partner, temperature);
    }

    /**
     * NT-Xent from the pairwise products of 2B representations.
     *
     * @param products {@code [2B, 2B]} pairwise products
     * @param partner each row's partner
     * @param temperature the softmax temperature
     * @return the mean cross-entropy of finding each row's partner among the other 2B - 1 rows
     */
    private static NDArray fromProducts(NDArray products, long[] partner, float temperature) {
        NDManager m = products.getManager();
        int n = partner.length;
        NDArray similarity = Tensors.scale(products, 1f / temperature);
        // A row never matches itself.
        NDArray eye = m.eye(n);
        NDArray self = eye.muli(Tensors.constant(eye, -1e9f));
        NDArray logProbabilities = similarity.addi(self).logSoftmax(1);
        NDArray picked = logProbabilities.gather(m.create(partner, new Shape(n, 1)), 1);
        return picked.mean().neg().toType(DataType.FLOAT32, false);
    }
}
