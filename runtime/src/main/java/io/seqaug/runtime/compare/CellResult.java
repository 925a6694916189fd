package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import io.seqaug.runtime.eval.UserRanks;
import io.seqaug.runtime.experiment.EpochLog;

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
 * @param ranks the run's per-user test ranks ({@link UserRanks#FILE}), when it wrote them
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
    public static final List<String> METRICS = List.of("HR@5", "NDCG@5", "HR@10", "NDCG@10", "HR@20", "NDCG@20");

    /**
     * The {@code results.json} of a run that finished without interruption: the one test of
     * "finished" that grids, plans, reports and resume checks share.
     *
     * @param runDir the run folder
     * @return its parsed results, or empty when the run is missing, unfinished or was interrupted
     */
    public static Optional<Config> finishedRecord(Path runDir) {
        Path results = runDir.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            return Optional.empty();
        }
        Config r = ConfigFactory.parseFile(results.toFile());
        return r.getBoolean("interrupted") ? Optional.empty() : Optional.of(r);
    }

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
        Optional<Config> record = finishedRecord(runDir);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        Config r = record.get();
        Map<String, Double> test = new LinkedHashMap<>();
        for (String metric : METRICS) {
            test.put(metric, r.getDouble(ConfigUtil.joinPath("test", metric)));
        }
        EpochLog log = EpochLog.read(runDir);
        // A typical epoch from the epoch log; the recorded mean when there is none.
        double seconds = log.medianTrainSeconds(2)
                .orElse(r.hasPath("stage2.seconds_per_epoch") ? r.getDouble("stage2.seconds_per_epoch") : 0);
        int epochs = r.hasPath("stage2.epochs") ? r.getInt("stage2.epochs") : 0;
        List<Double> curve = log.validNdcg20(2);
        Path ranks = runDir.resolve(UserRanks.FILE);
        return Optional.of(new CellResult(dataset, backbone, augmenter, seed, test, seconds, epochs, curve,
                Files.isRegularFile(ranks) ? Optional.of(ranks) : Optional.empty()));
    }
}
