package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A component's key that its augmenter sets itself is refused when the user changed it, never ignored. */
class ShadowedSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aMixupKeyThatBasrecSetsItselfIsRefusedNamingBothKeys() {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.augmenter.name=basrec", "-Dseqaug.mixups.item-wise.beta=0.2", "-Dseqaug.train.stage1.epochs=1",
                "-Dseqaug.train.stage2.epochs=1"));
        assertThat(run.code()).isEqualTo(2);
        String last = run.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("seqaug: configuration error: seqaug.mixups.item-wise.beta = 0.2 (")
                .endsWith("has no effect: augmenter basrec builds item-wise with beta = 0.4 itself; change"
                        + " seqaug.augmenter.basrec instead, or drop the key");
        assertThat(dir.resolve("synthetic-sasrec-basrec-s42")).doesNotExist();
    }

    @Test
    void theSameValueAsTheAugmentersAndARunsOwnConfigFilePass() {
        CliTestSupport.Run same = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.augmenter.name=basrec", "-Dseqaug.mixups.item-wise.beta=0.4", "-Dseqaug.train.stage1.epochs=1",
                "-Dseqaug.train.stage2.epochs=1", "-Dseqaug.run-name=first", "-Dseqaug.augmenter.basrec.rate-max=0.71"));
        assertThat(same.code()).as(same.err()).isZero();
        // config.conf holds every key, defaults included (operators.random.rate-max = 0.7 while basrec passes 0.71)
        CliTestSupport.Run rerun = CliTestSupport.run("train", "-c", dir.resolve("first/config.conf").toString(),
                "-Dseqaug.run-name=again");
        assertThat(rerun.code()).as(rerun.err()).isZero();
    }
}
