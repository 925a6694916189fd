package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.CliFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs stay inside the folders the user named, and a finished run is never replaced by another. */
class RunPlacementFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aRunNameThatLeavesTheOutputFolderIsRefused() {
        for (String name : new String[] {"../escaped", "/tmp/abs", "..", ".", "a/b"}) {
            CliFaults.Result r = CliFaults.train(dir.resolve("out"), "-Dseqaug.run-name=" + name);
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).contains("seqaug.run-name = '" + name + "'").contains("must be one folder name");
        }
        assertThat(dir.resolve("escaped")).doesNotExist();
    }

    @Test
    void aGridNameThatLeavesTheOutputFolderIsRefused() throws IOException {
        for (String name : new String[] {"..", "."}) {
            Path conf = Files.writeString(dir.resolve("grid.conf"), "grid { name = \"" + name
                    + "\", datasets = [synthetic], backbones = [sasrec], augmenters = [none] }\n");
            CliFaults.Result r = CliFaults.compare(dir.resolve("out"), "-c", conf.toString());
            assertThat(r.code()).as(name).isEqualTo(2);
            assertThat(r.err()).as(name).contains("grid.name = '" + name + "'");
        }
    }

    @Test
    void aFinishedRunIsNotReplacedByARunWithOtherSettings() throws IOException {
        CliFaults.Result first = CliFaults.train(dir, "-Dseqaug.run-name=r");
        assertThat(first.code()).as(first.err()).isZero();
        String results = Files.readString(dir.resolve("r/results.json"));
        CliFaults.Result other = CliFaults.train(dir, "-Dseqaug.run-name=r", "-Dseqaug.train.learning-rate=0.01");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains(dir.resolve("r") + " holds a finished run with other settings (")
                .contains("learning-rate").contains("use another seqaug.run-name");
        assertThat(Files.readString(dir.resolve("r/results.json"))).isEqualTo(results);
        CliFaults.Result same = CliFaults.train(dir, "-Dseqaug.run-name=r");
        assertThat(same.code()).as(same.err()).isZero();
    }

    @Test
    void anInitFromThatDoesNotFitFailsBeforeTheRunFolderIsTouched() throws IOException {
        CliFaults.Result one = CliFaults.train(dir, "-Dseqaug.run-name=one-layer", "-Dseqaug.backbone.sasrec.layers=1");
        assertThat(one.code()).as(one.err()).isZero();
        CliFaults.Result first = CliFaults.train(dir, "-Dseqaug.run-name=r");
        assertThat(first.code()).as(first.err()).isZero();
        String results = Files.readString(dir.resolve("r/results.json"));
        CliFaults.Result bad = CliFaults.train(dir, "-Dseqaug.run-name=r",
                "-Dseqaug.train.init-from=" + dir.resolve("one-layer/best.ckpt"), "-Dseqaug.train.stage2.epochs=1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("does not fit this run's sasrec").contains("checkpoint has no parameter block1");
        assertThat(Files.readString(dir.resolve("r/results.json"))).isEqualTo(results);
    }
}
