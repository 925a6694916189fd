package io.seqaug.runtime.compare;

import io.seqaug.runtime.experiment.EpochLog;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.experiment.RunRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished cell of a grid, read back from its run folder.
 *
 * @param dataset the dataset
 * @param backbone the backbone
 * @param augmenter the augmenter
 * @param seed the seed
 * @param test test metrics by name ({@code HR@5} ... {@code NDCG@20})
 * @param secondsPerEpoch median stage-2 training time per epoch
 * @param epochs stage-2 epochs trained
 * @param validCurve validation NDCG@20 after each stage-2 epoch
 * @param ranks the run's per-user test ranks ({@code test-ranks.csv}), when it wrote them
 */
public record CellResult(String dataset, String backbone, String augmenter, long seed, Map<String, Double> test,
        double secondsPerEpoch, int epochs, List<Double> validCurve, Optional<Path> ranks) {

    /**
     * A result without per-user ranks.
     *
     * @param dataset the dataset
     * @param backbone the backbone
     * @param augmenter the augmenter
     * @param seed the seed
     * @param test test metrics by name
     * @param secondsPerEpoch median stage-2 training time per epoch
     * @param epochs stage-2 epochs trained
     * @param validCurve validation NDCG@20 after each stage-2 epoch
     */
    public CellResult(String dataset, String backbone, String augmenter, long seed, Map<String, Double> test,
            double secondsPerEpoch, int epochs, List<Double> validCurve) {
        this(dataset, backbone, augmenter, seed, test, secondsPerEpoch, epochs, validCurve, Optional.empty());
    }

    /** Metric names in report order. */
    public static final List<String> METRICS = RunRecord.METRICS;

    /**
     * Reads a run folder if its run finished without interruption.
     *
     * @param runDir the folder
     * @param dataset the dataset label
     * @param backbone the backbone
     * @param augmenter the augmenter
     * @param seed the seed
     * @return the result, or empty when the run has not finished
     */
    public static Optional<CellResult> read(Path runDir, String dataset, String backbone, String augmenter, long seed) {
        RunFolder folder = new RunFolder(runDir);
        Optional<RunRecord> record = folder.finished();
        if (record.isEmpty()) {
            return Optional.empty();
        }
        RunRecord r = record.get();
        Map<String, Double> test = new LinkedHashMap<>(r.test());
        EpochLog log = EpochLog.read(runDir);
        // A typical epoch from the epoch log; the recorded mean when there is none.
        double seconds = log.medianTrainSeconds(2).orElse(r.stage2SecondsPerEpoch().orElse(0.0));
        int epochs = r.stage2Epochs();
        List<Double> curve = log.validNdcg20(2);
        Path ranks = folder.testRanks();
        return Optional.of(new CellResult(dataset, backbone, augmenter, seed, test, seconds, epochs, curve,
                Files.isRegularFile(ranks) ? Optional.of(ranks) : Optional.empty()));
    }
}
