package io.seqaug.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.api.TrainingStage;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.train.EpochRecord;
import io.seqaug.runtime.train.StageProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class EpochLogTest {

    @TempDir
    Path dir;

    private static EpochRecord epoch(TrainingStage stage, int epoch, Double ndcg20) {
        return epoch(stage, epoch, ndcg20, 2.5);
    }

    private static EpochRecord epoch(TrainingStage stage, int epoch, Double ndcg20, double trainSeconds) {
        Metrics valid = ndcg20 == null ? null : new Metrics(10, 0.1, 0.05, 0.2, 0.08, 0.3, ndcg20);
        return new EpochRecord(stage, epoch, 4, 1000, trainSeconds, 0.5, Map.of("rec", 0.75), valid, ndcg20 != null, 300);
    }

    private void write(EpochRecord... records) throws IOException {
        StringBuilder text = new StringBuilder();
        for (EpochRecord r : records) {
            text.append(EpochLog.line(r)).append('\n');
        }
        Files.writeString(dir.resolve(RunFolder.EPOCHS), text);
    }

    @Test
    void aWrittenLineReadsBackAsTheStagesValidationCurve() throws IOException {
        write(epoch(TrainingStage.BACKBONE, 0, 0.01), epoch(TrainingStage.AUGMENTED, 0, null),
                epoch(TrainingStage.AUGMENTED, 1, 0.03), epoch(TrainingStage.AUGMENTED, 2, 0.025));
        assertThat(EpochLog.read(dir).validNdcg20(1)).containsExactly(0.01);
        assertThat(EpochLog.read(dir).validNdcg20(2)).containsExactly(0.03, 0.025);
        assertThat(EpochLog.line(epoch(TrainingStage.AUGMENTED, 7, null)))
                .startsWith("{\"stage\":2,\"epoch\":7,\"batches\":4,\"sequences\":1000,").contains("\"valid\":null");
    }

    @Test
    void aContinuedRunKeepsTheEpochsBeforeItsResumePoint() throws IOException {
        write(epoch(TrainingStage.BACKBONE, 0, 0.01), epoch(TrainingStage.BACKBONE, 1, 0.02),
                epoch(TrainingStage.AUGMENTED, 0, null), epoch(TrainingStage.AUGMENTED, 1, null));
        List<String> lines = Files.readAllLines(dir.resolve(RunFolder.EPOCHS));
        assertThat(EpochLog.read(dir).linesBefore(new StageProgress(TrainingStage.AUGMENTED, 1, 1, 0, 0, -1, 0, null, null, false)))
                .containsExactly(lines.get(0), lines.get(1), lines.get(2));
        assertThat(EpochLog.read(dir.resolve("absent")).linesBefore(StageProgress.start(TrainingStage.BACKBONE))).isEmpty();
    }

    @Test
    void aLineThatIsNoEpochRecordIsNamedByFileAndLine() throws IOException {
        Files.writeString(dir.resolve(RunFolder.EPOCHS), EpochLog.line(epoch(TrainingStage.AUGMENTED, 0, 0.02)) + "\n{\"stage\":2}\n");
        assertThatThrownBy(() -> EpochLog.read(dir).validNdcg20(2)).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith(dir.resolve(RunFolder.EPOCHS) + ":2: not an epoch record");
    }

    @Test
    void aLastLineCutOffByAKillIsLeftOutButACompleteBadLineIsNot() throws IOException {
        String whole = EpochLog.line(epoch(TrainingStage.AUGMENTED, 0, 0.02));
        String next = EpochLog.line(epoch(TrainingStage.AUGMENTED, 1, 0.03));
        Files.writeString(dir.resolve(RunFolder.EPOCHS), whole + "\n" + next.substring(0, next.length() / 2));
        assertThat(EpochLog.read(dir).validNdcg20(2)).containsExactly(0.02);
        Files.writeString(dir.resolve(RunFolder.EPOCHS), whole + "\n" + next.substring(0, next.length() / 2) + "\n");
        assertThatThrownBy(() -> EpochLog.read(dir)).isInstanceOf(ConfigError.class).hasMessageContaining(":2: not an epoch record");
    }

    @Test
    void aTypicalEpochIsTheMedianOfTheStagesTrainingTimes() throws IOException {
        // A paused epoch (300 s) moves the mean to 80 s, the median stays with the others.
        write(epoch(TrainingStage.BACKBONE, 0, null, 1.0), epoch(TrainingStage.AUGMENTED, 0, null, 30.0),
                epoch(TrainingStage.AUGMENTED, 1, null, 300.0), epoch(TrainingStage.AUGMENTED, 2, null, 29.0),
                epoch(TrainingStage.AUGMENTED, 3, 0.02, 31.0), epoch(TrainingStage.AUGMENTED, 4, 0.02, 10.0));
        assertThat(EpochLog.read(dir).medianTrainSeconds(2)).hasValue(30.0);
        assertThat(EpochLog.read(dir).medianTrainSeconds(1)).hasValue(1.0);
        write(epoch(TrainingStage.AUGMENTED, 0, null, 30.0), epoch(TrainingStage.AUGMENTED, 1, null, 20.0));
        assertThat(EpochLog.read(dir).medianTrainSeconds(2)).hasValue(25.0);
    }

    @Test
    void theLastEpochIsTheLogsLastRecord() throws IOException {
        write(epoch(TrainingStage.BACKBONE, 0, 0.01), epoch(TrainingStage.AUGMENTED, 0, null), epoch(TrainingStage.AUGMENTED, 1, null));
        assertThat(EpochLog.read(dir).lastEpoch()).hasValue(new EpochLog.Position(2, 1));
    }

    @Test
    void aRunWithoutALogHasAnEmptyCurveAndNoTypicalOrLastEpoch() {
        assertThat(EpochLog.read(dir).validNdcg20(2)).isEmpty();
        assertThat(EpochLog.read(dir).medianTrainSeconds(2)).isEmpty();
        assertThat(EpochLog.read(dir).lastEpoch()).isEmpty();
    }
}
