package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.report.Json;
import io.seqaug.runtime.train.EpochRecord;
import io.seqaug.runtime.train.StageProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run's epoch log, {@code epochs.jsonl} in its folder: one JSON object per finished epoch, with
 * its stage (1 or 2), epoch, batch and sequence counts, timings, losses, validation metrics (or
 * null when the epoch was not validated), whether it improved, and resident memory. This class
 * writes the lines ({@link #line}) and reads them back, once per use ({@link #read}); nothing else
 * parses the file.
 */
public final class EpochLog {


    /** The log's epoch records, in order. */
    private final List<Entry> entries;

    private EpochLog(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * One epoch as its line of the log.
     *
     * @param r the finished epoch
     * @return a JSON object, without a line break
     */
    static String line(EpochRecord r) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stage", stageNumber(r.stage()));
        line.put("epoch", r.epoch());
        line.put("batches", r.batches());
        line.put("sequences", r.sequences());
        line.put("train_seconds", r.trainSeconds());
        line.put("valid_seconds", r.validSeconds());
        line.put("sequences_per_second", r.sequences() / Math.max(r.trainSeconds(), 1e-9));
        line.put("losses", r.losses());
        line.put("valid", r.valid() == null ? null : r.valid().asMap());
        line.put("improved", r.improved());
        line.put("rss_mib", r.residentMiB());
        return Json.write(line);
    }

    /**
     * The lines of the epochs a continued run keeps: every epoch before the one it continues at
     * (lines of later epochs were written after the resume point, by the run that was interrupted).
     *
     * @param progress where the run continues
     * @return the lines, in order
     */
    List<String> linesBefore(StageProgress progress) {
        int continueStage = stageNumber(progress.stage());
        List<String> kept = new ArrayList<>();
        for (Entry entry : entries) {
            int stage = entry.record().getInt("stage");
            if (stage < continueStage || stage == continueStage && entry.record().getInt("epoch") < progress.nextEpoch()) {
                kept.add(entry.line());
            }
        }
        return kept;
    }

    /**
     * Validation NDCG@20 after each validated epoch of one stage, in order.
     *
     * @param stage 1 or 2
     * @return the curve
     */
    public List<Double> validNdcg20(int stage) {
        String ndcg = ConfigUtil.joinPath("valid", "NDCG@20");
        List<Double> curve = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.record().getInt("stage") == stage && entry.record().hasPath(ndcg)) {
                curve.add(entry.record().getDouble(ndcg));
            }
        }
        return curve;
    }

    /**
     * A finished epoch.
     *
     * @param stage 1 or 2
     * @param epoch its number in the stage, from 0
     */
    public record Position(int stage, int epoch) {}

    /**
     * The last epoch the log records.
     *
     * @return its stage and epoch, or empty when the log is absent or empty
     */
    public Optional<Position> lastEpoch() {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Config last = entries.get(entries.size() - 1).record();
        return Optional.of(new Position(last.getInt("stage"), last.getInt("epoch")));
    }

    /**
     * The median training time of one stage's epochs: a typical epoch, which the mean is not when a
     * few epochs were slowed or paused by other work on the machine.
     *
     * @param stage 1 or 2
     * @return the median in seconds, or empty when the log has no epoch of that stage
     */
    public OptionalDouble medianTrainSeconds(int stage) {
        double[] seconds = entries.stream().map(Entry::record)
                .filter(r -> r.getInt("stage") == stage && r.hasPath("train_seconds"))
                .mapToDouble(r -> r.getDouble("train_seconds")).sorted().toArray();
        return seconds.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(median(seconds));
    }

    /**
     * The median of sorted values: the middle one, or the mean of the middle two.
     *
     * @param sorted values in ascending order, at least one
     * @return the median
     */
    static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static int stageNumber(TrainingStage stage) {
        return stage == TrainingStage.BACKBONE ? 1 : 2;
    }

    /** A line of the log with its parsed record. */
    private record Entry(String line, Config record) {}

    /**
     * Reads a run folder's epoch log (blank lines skipped).
     *
     * @param runDir the run folder (no log: an empty one)
     * @return the parsed log
     * @throws ConfigError naming the file and line when a line is not an epoch record
     */
    public static EpochLog read(Path runDir) {
        Path file = new RunFolder(runDir).epochs();
        if (!Files.exists(file)) {
            return new EpochLog(List.of());
        }
        List<String> lines;
        boolean complete;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            lines = text.lines().toList();
            complete = text.isEmpty() || text.endsWith("\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Config record = ConfigFactory.parseString(lines.get(i));
                record.getInt("stage");
                record.getInt("epoch");
                entries.add(new Entry(lines.get(i), record));
            } catch (ConfigException e) {
                if (i == lines.size() - 1 && !complete) {
                    // a line cut off by a kill mid-write: its epoch ended after the last resume point
                    break;
                }
                throw new ConfigError(file + ":" + (i + 1) + ": not an epoch record (" + e.getMessage() + ")");
            }
        }
        return new EpochLog(entries);
    }
}
