package io.seqaug.runtime.train;

/**
 * A flag that asks a running training to stop after the current batch (set on Ctrl-C). The run then
 * keeps its best parameters and writes its results as usual, marked as interrupted.
 */
public final class StopSignal {

    private volatile boolean requested;

    /** Asks the training to stop. */
    public void request() {
        requested = true;
    }

    /**
     * Whether a stop was asked for.
     *
     * @return true after {@link #request()}
     */
    public boolean requested() {
        return requested;
    }
}
