package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.CliFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rerun that fails before it starts leaves a finished run folder exactly as it was. */
class RunFolderFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aRerunWithABadInitFromTouchesNothing() throws IOException {
        CliFaults.Result first = CliFaults.train(dir, "-Dseqaug.run-name=r");
        assertThat(first.code()).as(first.err()).isZero();
        Path run = dir.resolve("r");
        String results = Files.readString(run.resolve("results.json"));
        String config = Files.readString(run.resolve("config.conf"));
        String epochs = Files.readString(run.resolve("epochs.jsonl"));

        CliFaults.Result rerun = CliFaults.train(dir, "-Dseqaug.run-name=r", "-Dseqaug.train.init-from=" + dir.resolve("nope.ckpt"),
                "-Dseqaug.train.learning-rate=0.1");
        assertThat(rerun.code()).isNotZero();
        assertThat(rerun.err()).contains("nope.ckpt").contains("no such checkpoint");
        assertThat(Files.readString(run.resolve("results.json"))).isEqualTo(results);
        assertThat(Files.readString(run.resolve("config.conf"))).isEqualTo(config);
        assertThat(Files.readString(run.resolve("epochs.jsonl"))).isEqualTo(epochs);
    }

    @Test
    void aTemporaryFileThatAKilledWriterLeftIsRemovedByTheNextRunInTheFolder() throws IOException {
        Path run = Files.createDirectories(dir.resolve("r"));
        Path leftover = Files.writeString(run.resolve(".results.json.4242.1a2b3c.tmp"), "{\"test\":");
        Path mine = Files.writeString(run.resolve("notes.tmp"), "the user's own file");
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.run-name=r");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(leftover).doesNotExist();
        assertThat(mine).exists();
    }

    @Test
    void aRunFoldersConfigReadsBackAsAnExperimentFileThatRerunsTheSameExperiment() throws IOException {
        CliFaults.Result first = CliFaults.train(dir, "-Dseqaug.run-name=r", "-Dseqaug.augmenter.name=basrec",
                "-Dseqaug.augmenter.basrec.beta=0.3", "-Dseqaug.train.stage2.epochs=1");
        assertThat(first.code()).as(first.err()).isZero();
        Path config = dir.resolve("r").resolve("config.conf");
        String saved = Files.readString(config);
        assertThat(saved).startsWith("seqaug {");

        CliFaults.Result rerun = CliFaults.train(dir, "-c", config.toString(), "-Dseqaug.run-name=again",
                "-Dseqaug.train.stage2.epochs=1");
        assertThat(rerun.code()).as(rerun.err()).isZero();
        assertThat(Files.readString(dir.resolve("again").resolve("config.conf")))
                .isEqualTo(saved.replace("run-name=r\n", "run-name=again\n"));
    }

    @Test
    void anAbsoluteDatasetPathKeepsTheRunFolderUnderOutputDir() throws IOException {
        Path data = Files.writeString(dir.resolve("my data.txt"), String.join("\n", java.util.stream.IntStream.rangeClosed(1, 60)
                .mapToObj(u -> u + " " + (u % 7 + 1) + " " + (u % 5 + 2) + " " + (u % 3 + 3) + " " + (u % 11 + 1))
                .toList()) + "\n");
        Path out = dir.resolve("out");
        CliFaults.Result r = CliFaults.train(out, "-Dseqaug.data.dataset=" + data.toAbsolutePath());
        assertThat(r.code()).as(r.err()).isZero();
        try (var folders = Files.list(out)) {
            assertThat(folders.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("my_data-")))
                    .singleElement().asString().matches("my_data-[0-9a-f]{8}-sasrec-none-s42");
        }
    }

    @Test
    void aGridAndARunNeverShareAFolder() throws IOException {
        assertThat(CliFaults.train(dir, "-Dseqaug.run-name=g").code()).isZero();
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none"] }
                """);
        CliFaults.Result grid = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(grid.code()).isEqualTo(2);
        assertThat(grid.err()).contains("holds a run of seqaug train (results.json), not a grid");
        assertThat(dir.resolve("g/plan.json")).doesNotExist();

        Files.writeString(conf, Files.readString(conf).replace("name = \"g\"", "name = \"h\""));
        assertThat(CliFaults.plan(dir, "-c", conf.toString()).code()).isZero();
        CliFaults.Result run = CliFaults.train(dir, "-Dseqaug.run-name=h");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("is the folder of a grid (plan.json)");
        assertThat(dir.resolve("h/results.json")).doesNotExist();
    }
}
