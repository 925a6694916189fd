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
            z = z.div(z.norm(new int[] {1}, true).maximum(1e-8f));
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
        NDManager m = z.getManager();
        int n = 2 * batch;
        NDArray similarity = Tensors.scale(z.matMul(z.transpose()), 1f / temperature);
        // A row never matches itself.
        NDArray self = m.eye(n).muli(-1e9f);
        NDArray logProbabilities = similarity.addi(self).logSoftmax(1);
        long[] partner = new long[n];
        for (int i = 0; i < n; i++) {
            partner[i] = i < batch ? i + batch : i - batch;
        }
        NDArray picked = logProbabilities.gather(m.create(partner, new Shape(n, 1)), 1);
        return picked.mean().neg().toType(DataType.FLOAT32, false);
    }
}
