package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A grid checks all its jobs before training, reports what finished when one fails, and prints its plan. */
class GridValidationTest {

    @TempDir
    Path dir;

    private Path grid(String augmenters, String cells) throws IOException {
        return grid(augmenters, cells, "");
    }

    private Path grid(String augmenters, String cells, String variants) throws IOException {
        return Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                grid {
                  name = "g"
                  datasets = ["synthetic"]
                  backbones = ["sasrec"]
                  augmenters = %s
                  seeds = [1]
                  cells = [ %s ]
                  variants = [ %s ]
                }
                """.formatted(augmenters, cells, variants));
    }

    @Test
    void aTypoInTheLastAugmenterStopsTheGridBeforeAnythingTrains() throws IOException {
        Path grid = grid("[\"none\", \"basrec\", \"basrek\"]", "");
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c", grid.toString()));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("basrek");
        assertThat(run.out()).doesNotContain("[stage");
        assertThat(dir.resolve("g/stage1")).doesNotExist();
    }

    @Test
    void aJobThatFailsLateStillLeavesTheSummaryOfWhatFinished() throws IOException {
        // rate-min above rate-max is only seen when the basrec cell builds its augmenter
        Path grid = grid("[\"none\", \"basrec\"]",
                "{ augmenter = \"basrec\", settings.augmenter.basrec { rate-min = 0.9, rate-max = 0.5 } }");
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c", grid.toString()));
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("rate-min");
        String summary = Files.readString(dir.resolve("g/summary.md"));
        assertThat(summary).contains("| synthetic | sasrec | none |").doesNotContain("| basrec |");
    }

    @Test
    void planListsStageOneThenItsCellsWithoutTrainingAndWritesJson() throws IOException {
        Path grid = grid("[\"none\", \"basrec\"]", "{ augmenter = \"basrec\", settings.augmenter.basrec.n-pairs = 1 }");
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "plan", "-c", grid.toString()));
        assertThat(run.code()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines[1]).startsWith("0").contains("stage1").contains("pending").contains("synthetic-sasrec-s1");
        assertThat(lines[2]).startsWith("1").contains("cell").contains("none").matches(".*\\s0\\s+pending.*");
        assertThat(lines[3]).startsWith("2").contains("basrec").contains("\"n-pairs\":1");
        String json = Files.readString(dir.resolve("g/plan.json"));
        assertThat(json).contains("\"kind\":\"stage1\"").contains("\"depends_on\":0").contains("\"finished\":false");
        assertThat(run.out()).doesNotContain("[stage");
    }

    @Test
    void planKeepsItsColumnsAlignedForLongVariantNames() throws IOException {
        Path grid = grid("[\"none\", \"basrec-with-a-long-variant-name\"]", "",
                "{ name = \"basrec-with-a-long-variant-name\", augmenter = \"basrec\", settings.augmenter.basrec.n-pairs = 1 }");
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "plan", "-c", grid.toString()));
        assertThat(run.code()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        int seed = lines[0].indexOf("seed") + "seed".length();
        for (int i = 1; i <= 3; i++) {
            // the seed column ends where its header ends on every row
            assertThat(lines[i].substring(seed - 1, seed)).as(lines[i]).isEqualTo("1");
            assertThat(lines[i].charAt(seed)).as(lines[i]).isEqualTo(' ');
        }
    }

    @Test
    void reportRebuildsFromWhatFinishedAndListsTheRest() throws IOException {
        Path grid = grid("[\"none\", \"basrec\"]",
                "{ augmenter = \"basrec\", settings.augmenter.basrec { rate-min = 0.9, rate-max = 0.5 } }");
        CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c", grid.toString()));
        Files.delete(dir.resolve("g/summary.md"));
        CliTestSupport.Run report = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "report", "-c", grid.toString()));
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains("| synthetic | sasrec | none |").contains("1 job(s) not finished:")
                .contains("job 2: cell synthetic sasrec basrec seed 1").doesNotContain("[stage");
        assertThat(dir.resolve("g/summary.md")).exists();
        assertThat(dir.resolve("g/ndcg10.png")).exists();

        // A cell stopped with a resume point is listed as such, with the last epoch its log records.
        Path stopped = dir.resolve("g/cells/synthetic-sasrec-basrec-s1");
        Files.createDirectories(stopped);
        Files.writeString(stopped.resolve("epochs.jsonl"), "{\"stage\":2,\"epoch\":0}\n{\"stage\":2,\"epoch\":1}\n");
        Files.writeString(stopped.resolve("resume.ckpt"), "");
        CliTestSupport.Run again = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "report", "-c", grid.toString()));
        assertThat(again.out()).contains("job 2: cell synthetic sasrec basrec seed 1, stopped after stage 2 epoch 1, "
                + "continues from its resume.ckpt when a worker takes it");
    }
}
