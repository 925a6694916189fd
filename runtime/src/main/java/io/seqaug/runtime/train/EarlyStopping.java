package io.seqaug.runtime.train;

/**
 * Tracks the best validation score and how many validations passed without improvement.
 */
final class EarlyStopping {

    private final int patience;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private int sinceBest;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records a score; returns true when it is a new best. */
    boolean record(int epoch, double score) {
        if (score > best) {
            best = score;
            bestEpoch = epoch;
            sinceBest = 0;
            return true;
        }
        sinceBest++;
        return false;
    }

    boolean exhausted() {
        return sinceBest >= patience;
    }

    int bestEpoch() {
        return bestEpoch;
    }
}
