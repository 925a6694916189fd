package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.experiment.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class StopTest {

    @TempDir
    Path dir;

    @Test
    void aStopRequestEndsTheRunCleanlyWithItsBestParametersAndResults() throws IOException {
        // What Ctrl-C does: request a stop while an epoch is running (here, once epoch 1 is logged).
        RunResult result = CliTestSupport.trainStoppedAfter("epoch   1", CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=50", "-Dseqaug.run-name=stopped"));
        assertThat(result.interrupted()).isTrue();
        assertThat(result.stage1().epochs()).isEqualTo(2);
        Path runDir = dir.resolve("stopped");
        assertThat(runDir.resolve("best.ckpt")).exists();
        assertThat(runDir.resolve("resume.ckpt")).as("kept, so that the run can continue").exists();
        assertThat(Files.readString(runDir.resolve("results.json"))).contains("\"interrupted\":true");
        assertThat(Files.readAllLines(runDir.resolve("epochs.jsonl"))).hasSize(2);
        try (var files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
