package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class CliErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownProviderNameIsAUsageErrorListingTheAvailableNames() {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.augmenter.name=mixmatch"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "seqaug: configuration error: unknown augmenter 'mixmatch'; available: basrec, coserec, none");
    }

    @Test
    void missingDataFileIsARuntimeErrorOnOneLineAndLeavesNoRunFolder() {
        Path missing = dir.resolve("missing.txt");
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.data.path=" + missing));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("seqaug: data error: " + missing + ": no such file");
        assertThat(dir.resolve("missing-sasrec-none-s42")).doesNotExist();
    }

    @Test
    void badValuesAndUnknownOptionsAreUsageErrors() {
        assertThat(CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.batch-size=0")).code()).isEqualTo(2);
        assertThat(CliTestSupport.run("train", "--no-such-option").code()).isEqualTo(2);
        CliTestSupport.Run verbose = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train", "--verbose",
                "-Dseqaug.train.batch-size=0"));
        assertThat(verbose.err()).contains("at io.seqaug.");
    }
}
