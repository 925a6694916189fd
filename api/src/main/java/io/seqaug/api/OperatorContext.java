package io.seqaug.api;

/**
 * What an operator may need from the experiment, injected at creation.
 */
public interface OperatorContext {

    /**
     * Item similarity on the training part; computed on first use and shared by all operators.
     *
     * @return the similarity
     */
    ItemSimilarity similarity();

    /**
     * The model dimensions (item count, reserved mask id, maximum length).
     *
     * @return the dimensions
     */
    ModelDims dims();

    /**
     * The id reserved for the mask token: the first id after the real items.
     *
     * @return {@code itemCount + 1}
     */
    default int maskItemId() {
        return dims().itemCount() + 1;
    }
}
