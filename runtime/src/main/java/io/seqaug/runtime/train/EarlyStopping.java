package io.seqaug.runtime.train;

/**
 * Tracks the best validation score and how many validations passed without improvement.
 */
final class EarlyStopping {

    private final int patience;
    private double best;
    private int bestEpoch;
    private int sinceBest;

    /** Continues from a stage's progress ({@link StageProgress#start} for a new stage). */
    EarlyStopping(int patience, StageProgress progress) {
        this.patience = patience;
        this.best = progress.bestScore();
        this.bestEpoch = progress.bestEpoch();
        this.sinceBest = progress.sinceBest();
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
