package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.experiment.RunResult;
import io.seqaug.runtime.train.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** An interrupted run started again in its folder continues where it stopped and ends as if never stopped. */
class ResumeTest {

    /** Three epochs per stage, BASRec in stage 2, dropout on: every source of randomness is in play. */
    private static final String[] RUN = {"-Dseqaug.train.stage1.epochs=3", "-Dseqaug.train.stage2.epochs=3",
        "-Dseqaug.augmenter.name=basrec"};

    /** Epoch-log fields that measure the machine, not the computation. */
    private static final List<String> TIMINGS = List.of("train_seconds", "valid_seconds", "sequences_per_second", "rss_mib");

    @TempDir
    Path dir;

    private String[] args(String runName, String... more) {
        String[] withName = Stream.concat(Stream.concat(Arrays.stream(RUN), Stream.of("-Dseqaug.run-name=" + runName)),
                Arrays.stream(more)).toArray(String[]::new);
        return CliTestSupport.synthetic(dir.toString(), "train", withName);
    }

    private RunResult runStoppedAfter(String line, String runName, String... more) {
        return CliTestSupport.trainStoppedAfter(line, args(runName, more));
    }

    /** The error lines the launcher printed (log lines before them are not errors). */
    private static List<String> errorLines(CliTestSupport.Run run) {
        return run.err().lines().filter(l -> l.startsWith("seqaug:")).toList();
    }

    private Config results(String runName) {
        return ConfigFactory.parseFile(dir.resolve(runName).resolve("results.json").toFile());
    }

    /** The epoch log without its timings. */
    private List<Map<String, Object>> epochs(String runName) throws IOException {
        return Files.readAllLines(dir.resolve(runName).resolve("epochs.jsonl")).stream().map(l -> {
            Map<String, Object> record = new LinkedHashMap<>(ConfigFactory.parseString(l).root().unwrapped());
            TIMINGS.forEach(record::remove);
            return record;
        }).toList();
    }

    @ParameterizedTest
    @CsvSource({"[stage 1] epoch   1, engine", "[stage 2] epoch   0, engine", "[stage 2] epoch   0, host"})
    void anInterruptedRunContinuedInItsFolderEndsExactlyAsAnUninterruptedRun(String stopAfter, String masks)
            throws IOException {
        String dropout = "-Dseqaug.train.dropout-masks=" + masks;
        CliTestSupport.Run whole = CliTestSupport.run(args("whole", dropout));
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(dir.resolve("whole/resume.ckpt")).as("a finished run leaves nothing to continue").doesNotExist();

        RunResult stopped = runStoppedAfter(stopAfter, "parted", dropout);
        assertThat(stopped.interrupted()).isTrue();
        assertThat(dir.resolve("parted/resume.ckpt")).exists();
        assertThat(results("parted").getBoolean("interrupted")).isTrue();

        CliTestSupport.Run continued = CliTestSupport.run(args("parted", dropout));
        assertThat(continued.code()).as(continued.err()).isZero();
        String at = stopAfter.contains("stage 1") ? "continuing stage 1 at epoch 2" : "continuing stage 2 at epoch 1";
        assertThat(continued.out()).contains(at);
        assertThat(dir.resolve("parted/resume.ckpt")).doesNotExist();

        Config a = results("whole");
        Config b = results("parted");
        assertThat(b.getBoolean("interrupted")).isFalse();
        assertThat(b.hasPath("resumed_from")).isTrue();
        for (String key : List.of("test", "valid", "stage1.epochs", "stage1.best_epoch", "stage1.valid", "stage2.epochs",
                "stage2.best_epoch", "stage2.valid")) {
            assertThat(b.getValue(key).unwrapped()).as(key).isEqualTo(a.getValue(key).unwrapped());
        }
        assertThat(epochs("parted")).isEqualTo(epochs("whole"));
        // The same parameters to the last bit (the files differ in the run name they record).
        Checkpoint wholeBest = Checkpoint.read(dir.resolve("whole/best.ckpt"));
        Checkpoint partedBest = Checkpoint.read(dir.resolve("parted/best.ckpt"));
        assertThat(partedBest.parameters().keySet()).isEqualTo(wholeBest.parameters().keySet());
        wholeBest.parameters().forEach((name, values) ->
                assertThat(Arrays.equals(partedBest.parameters().get(name), values)).as(name).isTrue());
    }

    @Test
    void otherSettingsAreRefusedNamingTheDifferenceAndResumeFalseStartsTheRunOver() throws IOException {
        runStoppedAfter("[stage 1] epoch   1", "parted");
        String interruptedResults = Files.readString(dir.resolve("parted/results.json"));

        CliTestSupport.Run other = CliTestSupport.run(args("parted", "-Dseqaug.train.learning-rate=0.01"));
        assertThat(other.code()).isEqualTo(2);
        assertThat(errorLines(other)).singleElement().asString().contains("resume.ckpt holds an interrupted run with other settings")
                .contains("train.learning-rate: 0.005 -> 0.01").contains("seqaug.train.resume = false");
        assertThat(Files.readString(dir.resolve("parted/results.json"))).isEqualTo(interruptedResults);

        CliTestSupport.Run over = CliTestSupport.run(args("parted", "-Dseqaug.train.learning-rate=0.01",
                "-Dseqaug.train.resume=false"));
        assertThat(over.code()).as(over.err()).isZero();
        assertThat(over.out()).doesNotContain("continuing");
        assertThat(results("parted").hasPath("resumed_from")).isFalse();
        assertThat(results("parted").getBoolean("interrupted")).isFalse();
        assertThat(dir.resolve("parted/resume.ckpt")).doesNotExist();
    }

    @Test
    void aCorruptResumePointIsRefusedInOneLineNamingTheFileAndTheWayOut() throws IOException {
        runStoppedAfter("[stage 1] epoch   0", "parted");
        Path file = dir.resolve("parted/resume.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);

        CliTestSupport.Run run = CliTestSupport.run(args("parted"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(errorLines(run)).singleElement().asString().contains(file.toString()).contains("checksum mismatch")
                .contains("seqaug.train.resume = false");
        assertThat(file).exists();
    }
}
