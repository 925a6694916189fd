package io.seqaug.augmenters.contrastive;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.host.Tensors;

import java.util.Locale;

/**
 * How a sequence's encoder outputs become the one vector a contrastive loss compares.
 */
public enum SequenceRepresentation {
    /** The output at the last position, the one that is scored (DuoRec, RecBole's CL4SRec). */
    LAST,
    /** The mean of the outputs at the real positions (ICLRec's {@code mean}; see the method docs). */
    MEAN,
    /**
     * Every position's output, concatenated ({@code [L x H]}), left-padded sequences aligned at their
     * most recent item (ICLRec's {@code concatenate}, its default for instance-level contrast).
     */
    CONCATENATE;

    /**
     * The representation named by a setting.
     *
     * @param key {@code last}, {@code mean} or {@code concatenate}
     * @return the representation
     */
    public static SequenceRepresentation parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the whole output is needed, not just the last position's.
     *
     * @return true for {@link #MEAN} and {@link #CONCATENATE}
     */
    public boolean needsEveryPosition() {
        return this != LAST;
    }

    /**
     * The representation of encoded sequences.
     *
     * @param encoded {@code [N, L, H]} outputs (or {@code [N, H]} last-position outputs for {@link #LAST})
     * @param ids {@code [N, L]} the ids they encode, 0 at padding
     * @return {@code [N, D]}
     */
    public NDArray of(NDArray encoded, NDArray ids) {
        long n = encoded.getShape().get(0);
        switch (this) {
            case LAST:
                return encoded.getShape().dimension() == 2 ? encoded
                        : encoded.get(":, -1, :");
            case MEAN:
                return Tensors.meanOfItems(encoded, ids);
            default:
                return encoded.reshape(n, -1);
        }
    }
}
