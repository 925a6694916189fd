package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.datasets.EvaluationCase;
import io.seqaug.runtime.eval.UserRanks;
import io.seqaug.runtime.experiment.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class UserRanksTest {

    @TempDir
    Path dir;

    @Test
    void ranksAreWrittenInUserOrderAndReadBack() throws IOException {
        Path file = dir.resolve(RunFolder.TEST_RANKS);
        List<EvaluationCase> cases = List.of(new EvaluationCase(7, new int[] {1}, 2, new int[] {1}),
                new EvaluationCase(3, new int[] {1}, 2, new int[] {1}));
        UserRanks.write(file, cases, new long[] {12, 0});
        assertThat(Files.readString(file)).isEqualTo("user,rank\n3,0\n7,12\n");
        UserRanks read = UserRanks.read(file);
        assertThat(read.users()).containsExactly(3, 7);
        assertThat(read.ranks()).containsExactly(0, 12);
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "user,rank\n3,0\n7,x\n");
        assertThatThrownBy(() -> UserRanks.read(bad)).hasMessage(bad + ":3: expected 'user,rank', got '7,x'");
        Path unordered = Files.writeString(dir.resolve("u.csv"), "user,rank\n7,0\n3,1\n");
        assertThatThrownBy(() -> UserRanks.read(unordered)).hasMessageContaining(unordered + ":3: ranks must be >= 0 and users ascending");
        Path headless = Files.writeString(dir.resolve("h.csv"), "3,0\n");
        assertThatThrownBy(() -> UserRanks.read(headless)).hasMessage(headless + ":1: expected the header 'user,rank'");
    }
}
