package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.class.getClassLoader());

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("experiment.conf"), text);
    }

    @Test
    void fileOverridesReferenceAndCommandLineOverridesFile() throws IOException {
        Path f = file("seqaug.train.stage1.epochs = 7\nseqaug.model.backbone = gru4rec\n");
        Config c = loader.load(f, Map.of("train.stage1.epochs", "9", "seqaug.data.path", "/tmp/some file.txt"));
        assertThat(c.getInt("seqaug.train.stage1.epochs")).isEqualTo(9);
        assertThat(c.getString("seqaug.model.backbone")).isEqualTo("gru4rec");
        assertThat(c.getString("seqaug.data.path")).isEqualTo("/tmp/some file.txt");
        assertThat(c.getInt("seqaug.model.hidden-size")).isEqualTo(64);
    }

    @Test
    void unknownKeyIsNamedWithFileAndLine() throws IOException {
        Path f = file("seqaug {\n  train {\n    epoch = 3\n  }\n}\n");
        assertThatThrownBy(() -> loader.load(f, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("unknown key seqaug.train.epoch")
                .hasMessageContaining("experiment.conf: 3");
    }

    @Test
    void renamedKeysNameTheirNewName() throws IOException {
        Path f = file("seqaug.train {\n  epochs = 3\n  stage2-start-valid = 101\n}\n");
        assertThatThrownBy(() -> loader.load(f, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("seqaug.train.epochs was renamed seqaug.train.stage1.epochs (" + f + ": 2)")
                .hasMessageContaining("seqaug.train.stage2-start-valid was renamed seqaug.train.stage2.start-valid (" + f + ": 3)");
    }

    @Test
    void wrongTypeIsNamedWithFile() throws IOException {
        Path f = file("seqaug.train.batch-size = lots\n");
        assertThatThrownBy(() -> loader.load(f, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("seqaug.train.batch-size")
                .hasMessageContaining("experiment.conf: 1");
        assertThatThrownBy(() -> loader.load(null, Map.of("train.progress", "[1, 2]"))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("seqaug.train.progress").hasMessageContaining("command line");
    }

    @Test
    void outOfRangeValuesAreNamedWithTheirOrigin() throws IOException {
        Path f = file("seqaug.train.batch-size = 0\nseqaug.data.format = parquet\n");
        Settings s = new Settings(loader.load(f, Map.of()));
        assertThatThrownBy(() -> s.integer("train.batch-size", 1, 100)).isInstanceOf(ConfigError.class)
                .hasMessageStartingWith("seqaug.train.batch-size = 0 (").hasMessageContaining("experiment.conf: 1")
                .hasMessageEndingWith("must be between 1 and 100");
        assertThatThrownBy(() -> s.oneOf("data.format", "sequences", "interactions"))
                .hasMessageContaining("must be one of sequences, interactions");
    }

    @Test
    void missingFileAndSyntaxErrorsAreConfigErrors() throws IOException {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.conf"), Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageEndingWith("nope.conf: configuration file not found");
        Path broken = file("seqaug { train {\n");
        assertThatThrownBy(() -> loader.load(broken, Map.of())).isInstanceOf(ConfigError.class)
                .hasMessageContaining("experiment.conf");
    }
}
