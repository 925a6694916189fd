package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.cli.Bootstrap;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.experiment.RunResult;
import io.seqaug.runtime.train.StopSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

class StopTest {

    @TempDir
    Path dir;

    @Test
    void aStopRequestEndsTheRunCleanlyWithItsBestParametersAndResults() throws IOException {
        Map<String, String> overrides = new LinkedHashMap<>();
        String[] args = CliTestSupport.synthetic(dir.toString(), "train", "-Dseqaug.train.stage1.epochs=50",
                "-Dseqaug.run-name=stopped");
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].substring(2).split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        Bootstrap runtime = Bootstrap.start(null, overrides);
        StopSignal stop = new StopSignal();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // What Ctrl-C does: request a stop while an epoch is running (here, once epoch 1 is logged).
        PrintStream console = new PrintStream(captured, true, StandardCharsets.UTF_8) {
            @Override
            public PrintStream printf(java.util.Locale locale, String format, Object... values) {
                PrintStream result = super.printf(locale, format, values);
                if (captured.toString(StandardCharsets.UTF_8).contains("epoch   1")) {
                    stop.request();
                }
                return result;
            }
        };
        RunResult result = runtime.injector().getInstance(Experiment.class).run(runtime.settings(), stop, console);
        assertThat(result.interrupted()).isTrue();
        assertThat(result.stage1().epochs()).isEqualTo(2);
        Path runDir = dir.resolve("stopped");
        assertThat(runDir.resolve("best.ckpt")).exists();
        assertThat(Files.readString(runDir.resolve("results.json"))).contains("\"interrupted\":true");
        assertThat(Files.readAllLines(runDir.resolve("epochs.jsonl"))).hasSize(2);
        try (var files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
