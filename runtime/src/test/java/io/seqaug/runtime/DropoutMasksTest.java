package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code seqaug.train.dropout-masks}: who draws the dropout masks of a run. */
class DropoutMasksTest {

    @TempDir
    Path dir;

    @Test
    void hostMasksAreAnotherStreamThatRepeatsItselfWithTheSeed() throws IOException {
        List<Double> engine = stage1Losses("engine", "engine");
        List<Double> host = stage1Losses("host", "host");
        assertThat(stage1Losses("host-again", "host")).isEqualTo(host);
        assertThat(host).isNotEqualTo(engine);
        // the same distribution: on this data the epochs' losses stay within a few percent of each other
        for (int i = 0; i < host.size(); i++) {
            assertThat(host.get(i)).isBetween(engine.get(i) * 0.9, engine.get(i) * 1.1);
        }
    }

    @Test
    void anUnknownValueIsRefusedInOneLineNamingTheKeyAndTheChoices() {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.dropout-masks=gpu", "-Dseqaug.run-name=bad"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.startsWith("seqaug:")).toList()).singleElement().asString()
                .contains("seqaug.train.dropout-masks", "\"gpu\"", "must be one of engine, host");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    /** The mean next-item loss of each stage-1 epoch of a small run with dropout on. */
    private List<Double> stage1Losses(String runName, String masks) throws IOException {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=0", "-Dseqaug.augmenter.name=none",
                "-Dseqaug.backbone.sasrec.hidden-dropout=0.3", "-Dseqaug.train.dropout-masks=" + masks,
                "-Dseqaug.run-name=" + runName));
        assertThat(run.code()).as(run.err()).isZero();
        return Files.readAllLines(dir.resolve(runName).resolve("epochs.jsonl")).stream()
                .map(l -> ConfigFactory.parseString(l).getDouble("losses.rec")).toList();
    }
}
