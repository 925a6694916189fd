package io.seqaug.runtime.train;

/** The loss became NaN or infinite; the message says where. */
public final class TrainingDiverged extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message where the loss diverged
     */
    public TrainingDiverged(String message) {
        super(message);
    }
}
