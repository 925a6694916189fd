package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.experiment.DatasetLabel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class DatasetLabelTest {

    @Test
    void registeredNamesStayAsTheyAre() {
        assertThat(DatasetLabel.of("beauty")).isEqualTo("beauty");
        assertThat(DatasetLabel.of("synthetic")).isEqualTo("synthetic");
    }

    @Test
    void pathsThatShareAStemGetDifferentLabels() {
        assertThat(DatasetLabel.of("/a/data.txt")).startsWith("data-").isNotEqualTo(DatasetLabel.of("/b/data.txt"));
        assertThat(DatasetLabel.of("/d/x.txt")).isNotEqualTo(DatasetLabel.of("/d/x.csv"));
        assertThat(DatasetLabel.of("/d/my data.txt")).startsWith("my_data-").isNotEqualTo(DatasetLabel.of("/d/my_data.txt"));
        assertThat(DatasetLabel.of("/a/data.txt")).matches("data-[0-9a-f]{8}");
    }

    @Test
    void oneFileSpelledTwoWaysGetsOneLabel() {
        String relative = "some/dir/../file.tsv";
        String absolute = Path.of("some/file.tsv").toAbsolutePath().toString();
        assertThat(DatasetLabel.of(relative)).isEqualTo(DatasetLabel.of(absolute));
        // never a path: a label is one folder name
        assertThat(DatasetLabel.of("/abs/path/file.txt")).doesNotContain("/");
    }
}
