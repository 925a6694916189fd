package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class BuildInfoTest {

    @TempDir
    Path dir;

    @Test
    void theLaunchersCommitIsRecordedButNeverEntersTheSavedSettings() {
        System.setProperty("io.seqaug.commit", "abc1234");
        try {
            CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                    "-Dseqaug.train.stage1.epochs=1", "-Dseqaug.train.stage2.epochs=0", "-Dseqaug.run-name=r"));
            assertThat(run.code()).as(run.err()).isZero();
            Config results = ConfigFactory.parseFile(dir.resolve("r/results.json").toFile());
            assertThat(results.getString("commit")).isEqualTo("abc1234");
            assertThat(results.getConfig("config").hasPath("commit")).isFalse();
        } finally {
            System.clearProperty("io.seqaug.commit");
        }
    }
}
