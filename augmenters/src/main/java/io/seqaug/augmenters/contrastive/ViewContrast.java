package io.seqaug.augmenters.contrastive;

import ai.djl.ndarray.NDArray;
import io.seqaug.api.ProviderSettings;
import io.seqaug.api.StepContext;

/**
 * The instance contrast of two views per sequence, shared by {@code cl4srec}, {@code coserec} and
 * {@code iclrec}: how a view becomes one vector, and the in-batch InfoNCE between the two views of
 * each sequence. A concatenated representation's products skip the all-zero padding positions
 * ({@link ConcatenatedProducts}) unless {@code concatenated-products = full}.
 *
 * @param representation how a view's outputs become one vector
 * @param trimmedProducts whether a concatenated representation's products are trimmed
 */
public record ViewContrast(SequenceRepresentation representation, boolean trimmedProducts) {

    /**
     * Reads the representation and {@code concatenated-products} of an augmenter.
     *
     * @param settings the augmenter's settings
     * @param representationKey the key of its representation
     * @return the contrast
     */
    public static ViewContrast from(ProviderSettings settings, String representationKey) {
        SequenceRepresentation representation = SequenceRepresentation.parse(
                settings.oneOf(representationKey, "last", "mean", "concatenate"));
        boolean trimmed = settings.oneOf("concatenated-products", "trimmed", "full").equals("trimmed");
        return new ViewContrast(representation, trimmed && representation == SequenceRepresentation.CONCATENATE);
    }

    /**
     * Encodes a step's views in training mode, only the last position when that is all the representation
     * reads (a backbone may then skip the other positions' work).
     *
     * @param step the step
     * @return {@code [2B, L, H]} outputs, or {@code [2B, H]} for {@link SequenceRepresentation#LAST}
     */
    public NDArray encode(StepContext step) {
        NDArray ids = step.requireViews();
        return representation.needsEveryPosition() ? step.encode(step.embed(ids), ids) : step.encodeLast(ids);
    }

    /**
     * The InfoNCE between the two views of every sequence.
     *
     * @param encoded the views' outputs, view-major: rows {@code b} and {@code b + B} the two views of one sequence
     * @param ids {@code [2B, L]} the views' item ids
     * @param batch B
     * @param temperature the softmax temperature
     * @param similarity how representations are compared
     * @return a scalar
     */
    public NDArray loss(NDArray encoded, NDArray ids, int batch, float temperature, InfoNce.Similarity similarity) {
        if (trimmedProducts) {
            return InfoNce.concatenated(encoded, ids, batch, temperature, similarity);
        }
        NDArray z = representation.of(encoded, ids);
        return InfoNce.loss(z.get("0:{}", batch), z.get("{}:", batch), temperature, similarity);
    }
}
