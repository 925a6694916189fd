package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.train.StageProgress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's {@code epochs.jsonl}, one JSON object per finished epoch. */
final class EpochLog {

    private EpochLog() {}

    /**
     * The lines of the epochs a continued run keeps: every epoch before the one it continues at
     * (lines of later epochs were written after the resume point, by the run that was interrupted).
     *
     * @param file the epoch log (absent: none)
     * @param progress where the run continues
     * @return the lines, in order
     * @throws ConfigError naming the file and line when a line is not an epoch record
     */
    static List<String> linesBefore(Path file, StageProgress progress) {
        if (!Files.exists(file)) {
            return List.of();
        }
        int continueStage = progress.stage() == TrainingStage.BACKBONE ? 1 : 2;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int stage;
            int epoch;
            try {
                Config record = ConfigFactory.parseString(lines.get(i));
                stage = record.getInt("stage");
                epoch = record.getInt("epoch");
            } catch (ConfigException e) {
                throw new ConfigError(file + ":" + (i + 1) + ": not an epoch record (" + e.getMessage() + ")");
            }
            if (stage < continueStage || stage == continueStage && epoch < progress.nextEpoch()) {
                kept.add(lines.get(i));
            }
        }
        return kept;
    }
}
