package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class CompareTest {

    @TempDir
    Path dir;

    @Test
    void aGridSharesStageOneWritesReportsAndSkipsFinishedCellsOnRerun() throws IOException {
        Path grid = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                grid {
                  name = "tiny"
                  datasets = ["synthetic"]
                  backbones = ["sasrec"]
                  augmenters = ["none", "basrec"]
                  seeds = [1, 2]
                  cells = [ { augmenter = "basrec", settings.augmenter.basrec.n-pairs = 1 } ]
                }
                """);
        CliTestSupport.Run first = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                grid.toString()));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("== stage 1 for synthetic-sasrec-s1").contains("== stage 1 for synthetic-sasrec-s2")
                .contains("| synthetic | sasrec | basrec | 2 |");
        Path out = dir.resolve("tiny");
        assertThat(out.resolve("stage1").toFile().list()).containsExactlyInAnyOrder("synthetic-sasrec-s1",
                "synthetic-sasrec-s2");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(5);
        assertThat(out.resolve("summary.md")).exists();
        assertThat(out.resolve("ndcg10.png")).exists();
        assertThat(out.resolve("valid-ndcg20.png")).exists();
        // basrec cells start from the shared stage 1 and use their own settings
        String config = Files.readString(out.resolve("cells/synthetic-sasrec-basrec-s1/config.conf"));
        assertThat(config).contains("init-from").contains("synthetic-sasrec-s1");

        CliTestSupport.Run rerun = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                grid.toString()));
        assertThat(rerun.code()).isZero();
        assertThat(rerun.out()).doesNotContain("== stage 1").doesNotContain("[stage")
                .contains("already finished");
        assertThat(rerun.out()).contains(first.out().substring(first.out().indexOf("# Test metrics")).strip());

        // Changed settings never pass as finished: the rerun stops before training, naming what differs.
        CliTestSupport.Run changed = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                grid.toString(), "-Dseqaug.train.learning-rate=0.1"));
        assertThat(changed.code()).isEqualTo(2);
        assertThat(changed.err()).contains("finished with other settings").contains("train.learning-rate: 0.005 -> 0.1")
                .contains("synthetic-sasrec-s1");
        assertThat(changed.out()).doesNotContain("[stage").doesNotContain("already finished");
    }

    @Test
    void variantsRunAsNamedCellsAndEveryFinishedRunHasItsPerUserRanks() throws IOException {
        Path grid = Files.writeString(dir.resolve("variants.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                seqaug.augmenter.basrec.n-pairs = 1
                grid {
                  name = "variants"
                  datasets = ["synthetic"]
                  backbones = ["sasrec"]
                  augmenters = ["none", "sequence-wise-cross", "no-single-sequence", "one-stage"]
                  seeds = [1]
                  variants = [
                    { name = "sequence-wise-cross", augmenter = "basrec", settings.augmenter.basrec.cross-mixups = ["sequence-wise"] }
                    { name = "no-single-sequence", augmenter = "basrec", settings.augmenter.basrec.single-sequence = false }
                    { name = "one-stage", augmenter = "basrec", from-stage1 = false, settings.train.stage2.epochs = 2 }
                  ]
                }
                """);
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c", grid.toString()));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("| synthetic | sasrec | sequence-wise-cross | 1 |")
                .contains("| synthetic | sasrec | one-stage | 1 |");
        Path oneStage = dir.resolve("variants/cells/synthetic-sasrec-one-stage-s1");
        assertThat(Files.readString(oneStage.resolve("config.conf"))).doesNotContain("synthetic-sasrec-s1");
        assertThat(Files.readAllLines(oneStage.resolve("epochs.jsonl"))).hasSize(2).allMatch(l -> l.contains("\"stage\":2"));
        // 300 synthetic users, each with its test rank
        assertThat(Files.readAllLines(oneStage.resolve("test-ranks.csv"))).hasSize(301).first().isEqualTo("user,rank");
        assertThat(dir.resolve("variants/summary.tex")).content().contains("sequence-wise-cross").contains("\\toprule");
    }
}
