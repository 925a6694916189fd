package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.experiment.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameFolderFailsNamingTheHolder() throws IOException {
        Path run = dir.resolve("run");
        try (RunLock held = RunLock.acquire(run)) {
            assertThat(Files.readString(run.resolve(".lock"))).contains("pid " + ProcessHandle.current().pid());
            assertThatThrownBy(() -> RunLock.acquire(run)).isInstanceOf(ConfigError.class)
                    .hasMessageContaining("is in use by another run")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        // released: the next run takes it over, stale file and all
        try (RunLock again = RunLock.acquire(run)) {
            assertThat(run.resolve(".lock")).exists();
        }
    }
}
