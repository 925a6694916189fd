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
                "seqaug: configuration error: unknown augmenter 'mixmatch'; available: basrec, cl4srec, coserec, data-augment, duorec, iclrec, none"
                        + " (the plugins folder " + dir.resolve("none").toAbsolutePath() + " (seqaug.plugins-dir) does not exist)");
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

    @Test
    void aJobIndexMustBeANumberOfThePlanOrComeFromTheArrayEnvironment() throws java.io.IOException {
        Path grid = java.nio.file.Files.writeString(dir.resolve("g.conf"),
                "grid { name = g, datasets = [synthetic], backbones = [sasrec], augmenters = [none] }");
        CliTestSupport.Run word = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                grid.toString(), "--job", "first"));
        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err().strip()).isEqualTo(
                "seqaug: configuration error: --job: expected a job index (0, 1, ...) or 'env', got 'first'");
        CliTestSupport.Run outside = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                grid.toString(), "--job", "7"));
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).contains("job 7 is not in grid g, whose jobs are 0 to 1 (see seqaug plan)");
        assertThat(dir.resolve("g")).doesNotExist();
        if (System.getenv("SLURM_ARRAY_TASK_ID") == null && System.getenv("JOB_COMPLETION_INDEX") == null) {
            CliTestSupport.Run env = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "compare", "-c",
                    grid.toString(), "--job", "env"));
            assertThat(env.err()).contains("--job env: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set");
        }
    }

    @Test
    void aFolderGivenAsACheckpointIsNamedWithTheFileItProbablyMeant() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("run");
        CliTestSupport.Run run = CliTestSupport.run("evaluate", "--checkpoint", folder.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(folder + ": is a folder, not a checkpoint").contains(folder.resolve("best.ckpt").toString());
    }
}
