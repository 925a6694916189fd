package io.seqaug.runtime.train;

/**
 * Tracks the best validation score and how many validations passed without improvement.
 */
final class EarlyStopping {

    private final int patience;
    private double best;
    private int bestEpoch;
    private int sinceBest;

    EarlyStopping(int patience) {
        this(patience, Double.NEGATIVE_INFINITY, -1, 0);
    }

    /** Continues from a recorded state ({@link StageProgress}). */
    EarlyStopping(int patience, double best, int bestEpoch, int sinceBest) {
        this.patience = patience;
        this.best = best;
        this.bestEpoch = bestEpoch;
        this.sinceBest = sinceBest;
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

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int sinceBest() {
        return sinceBest;
    }
}
