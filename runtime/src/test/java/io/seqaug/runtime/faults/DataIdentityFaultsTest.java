package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.CliFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A run is identified by what it computes from, not by where its inputs were found: data edited in
 * place, a stage 1 run again, or a checkpoint of other data is never taken for the run recorded,
 * wherever a run is compared (a rerun, a resume, a grid's claims and reports), while a grid moved to
 * another folder is still the same grid.
 */
class DataIdentityFaultsTest {

    @TempDir
    Path dir;

    /** 60 users over 30 items, 5 to 9 items each; {@code shift} changes which items, not how many. */
    private Path data(String name, int shift) throws IOException {
        String lines = IntStream.rangeClosed(1, 60).mapToObj(u -> u + " " + IntStream.range(0, 5 + u % 5)
                .mapToObj(k -> Integer.toString((u * 7 + k * (3 + shift)) % 30 + 1)).distinct().collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
        return Files.writeString(dir.resolve(name), lines + "\n");
    }

    private Path grid(Path data, String name, String more) throws IOException {
        return Files.writeString(dir.resolve(name + ".conf"), """
                seqaug { data.path = "%s", train { stage1.epochs = 1, stage2.epochs = 1 }
                  %s }
                grid { name = "g", datasets = ["mine"], backbones = ["sasrec"], augmenters = ["none"], seeds = [1] }
                """.formatted(data, more));
    }

    @Test
    void aDataFileEditedInPlaceIsNoticedByARerunOfTheFinishedRun() throws IOException {
        Path data = data("d.txt", 0);
        assertThat(CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r").code()).isZero();
        String results = Files.readString(dir.resolve("r/results.json"));
        assertThat(results).contains("\"inputs\"");

        Files.move(data("d2.txt", 1), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliFaults.Result rerun = CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r");
        assertThat(rerun.code()).isEqualTo(2);
        assertThat(rerun.err()).contains("holds a finished run with other settings").contains("data content (fingerprint)");
        assertThat(Files.readString(dir.resolve("r/results.json"))).isEqualTo(results);
    }

    @Test
    void theSameContentUnderAnotherPathIsTheSameRun() throws IOException {
        Path data = data("d.txt", 0);
        assertThat(CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r").code()).isZero();
        Path copy = Files.copy(data, dir.resolve("copy.txt"));
        CliFaults.Result rerun = CliFaults.train(dir, "-Dseqaug.data.path=" + copy, "-Dseqaug.run-name=r");
        assertThat(rerun.code()).as(rerun.err()).isZero();
    }

    @Test
    void anInterruptedRunDoesNotContinueOnEditedData() throws IOException {
        Path data = data("d.txt", 0);
        CliFaults.trainStoppedAfter("[stage 1] epoch   1", dir, "-Dseqaug.data.path=" + data,
                "-Dseqaug.run-name=r", "-Dseqaug.train.stage1.epochs=3", "-Dseqaug.train.stage2.epochs=0");
        assertThat(dir.resolve("r/resume.ckpt")).exists();

        Files.move(data("d2.txt", 1), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliFaults.Result again = CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r",
                "-Dseqaug.train.stage1.epochs=3");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("holds an interrupted run with other settings").contains("data content (fingerprint)");
    }

    @Test
    void initFromACheckpointOfOtherDataWithTheSameCatalogueIsRefused() throws IOException {
        Path data = data("d.txt", 0);
        Path other = data("other.txt", 1);
        assertThat(CliFaults.train(dir, "-Dseqaug.data.path=" + other, "-Dseqaug.run-name=o").code()).isZero();
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r",
                "-Dseqaug.train.init-from=" + dir.resolve("o/best.ckpt"), "-Dseqaug.train.stage2.epochs=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("o/best.ckpt was trained on other data than d.txt");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aGridWhoseDataChangedRefusesItsFinishedJobsAndItsReport() throws IOException {
        Path data = data("d.txt", 0);
        Path conf = grid(data, "grid", "");
        CliFaults.Result first = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(first.code()).as(first.err()).isZero();

        Files.move(data("d2.txt", 1), data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliFaults.Result again = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("stage 1 mine sasrec seed 1").contains("finished with other settings or inputs")
                .contains("data content (fingerprint)");
        CliFaults.Result report = CliFaults.report(dir, "-c", conf.toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("cell mine sasrec none seed 1").contains("finished with other settings or inputs");
    }

    @Test
    void aReportRefusesCellsMadeWithSettingsTheGridFileNoLongerHas() throws IOException {
        Path data = data("d.txt", 0);
        assertThat(CliFaults.compare(dir, "-c", grid(data, "grid", "").toString()).code()).isZero();
        Path edited = grid(data, "grid", "train.weight-decay = 0.01");
        CliFaults.Result report = CliFaults.report(dir, "-c", edited.toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("train.weight-decay: 0 -> 0.01");
    }

    @Test
    void aGridMovedToAnotherFolderKeepsItsFinishedCells() throws IOException {
        Path data = data("d.txt", 0);
        Path conf = grid(data, "grid", "");
        Path first = dir.resolve("first");
        assertThat(CliFaults.compare(first, "-c", conf.toString()).code()).isZero();
        String summary = Files.readString(first.resolve("g/summary.md"));

        Path moved = dir.resolve("moved");
        Files.move(first, moved);
        Path movedData = Files.move(data, dir.resolve("elsewhere.txt"));
        CliFaults.Result again = CliFaults.compare(moved, "-c", grid(movedData, "grid2", "").toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("already finished").doesNotContain("== stage 1 for");
        assertThat(Files.readString(moved.resolve("g/summary.md"))).isEqualTo(summary);
    }

    @Test
    void aStageOneRunAgainMakesItsOldCellsStale() throws IOException {
        Path data = data("d.txt", 0);
        Path conf = grid(data, "grid", "");
        assertThat(CliFaults.compare(dir, "-c", conf.toString()).code()).isZero();
        // Stage 1 is run again (here: from another seed's parameters, by hand); the cell still holds
        // the result it trained from the first stage 1.
        Path stage1 = dir.resolve("g/stage1/mine-sasrec-s1");
        CliFaults.Result retrained = CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=other",
                "-Dseqaug.seed=7", "-Dseqaug.train.stage2.epochs=0");
        assertThat(retrained.code()).isZero();
        Files.copy(dir.resolve("other/best.ckpt"), stage1.resolve("best.ckpt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliFaults.Result again = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("cell mine sasrec none seed 1").contains("train.init-from content (parameter fingerprint)");
    }
}
