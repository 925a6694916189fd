package io.seqaug.runtime.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.runtime.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** SEQAUG_DATA_DIR names a folder or nothing; a mistyped one is not silently replaced by a download. */
class DataDirTest {

    @TempDir
    Path dir;

    @Test
    void aDataDirThatIsNoFolderIsAnErrorAndAnUnsetOneIsNone() {
        assertThat(DataLoading.dataDir(Map.of("SEQAUG_DATA_DIR", dir.toString()))).contains(dir);
        assertThat(DataLoading.dataDir(Map.of())).isEmpty();
        assertThat(DataLoading.dataDir(Map.of("SEQAUG_DATA_DIR", " "))).isEmpty();
        assertThatThrownBy(() -> DataLoading.dataDir(Map.of("SEQAUG_DATA_DIR", dir.resolve("datsets").toString())))
                .isInstanceOf(ConfigError.class).hasMessage("SEQAUG_DATA_DIR=" + dir.resolve("datsets")
                        + " is not a folder; fix it, or unset it to use the cache and downloads");
    }
}
