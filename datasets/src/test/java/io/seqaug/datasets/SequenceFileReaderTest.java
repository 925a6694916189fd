package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

class SequenceFileReaderTest {

    private static SequenceDataset read(String text, boolean strict) throws IOException {
        return new SequenceFileReader(strict).read(new StringReader(text), "data.txt");
    }

    @Test
    void readsUsersItemsAndMaxItemId() throws IOException {
        SequenceDataset d = read("1 5 3 9\n7 2 2 4 1\n", false);
        assertThat(d.userIds()).containsExactly(1, 7);
        assertThat(d.sequences()[0]).containsExactly(5, 3, 9);
        assertThat(d.sequences()[1]).containsExactly(2, 2, 4, 1);
        assertThat(d.itemCount()).isEqualTo(9);
        assertThat(d.interactionCount()).isEqualTo(7);
    }

    @Test
    void aByteOrderMarkIsSkippedAndBinaryFilesAreNamed() throws IOException {
        assertThat(read("\uFEFF1 1 2 3\n2 2 3 4\n", false).userCount()).isEqualTo(2);
        assertThatThrownBy(() -> read("1 1 2 3\n\0\0\u0001garbage\n", false))
                .hasMessage("data.txt:2: not a text file (it holds NUL bytes)");
    }

    @Test
    void hugeItemIdsAreRefusedNamingTheLineAndTheDistinctCount() {
        assertThatThrownBy(() -> read("1 1 2 3\n2 4 2000000000 5\n", false))
                .hasMessageContaining("data.txt:2:").hasMessageContaining("item id 2000000000 is above 20000000")
                .hasMessageContaining("only 6 distinct items; renumber them 1..6");
    }

    @Test
    void nonIntegerTokenNamesFileLineAndToken() {
        assertThatThrownBy(() -> read("1 2 3 4\n2 5 x 6\n", false)).isInstanceOf(DatasetException.class)
                .hasMessage("data.txt:2: item id 'x' (token 3) is not a whole number written in the digits 0-9");
    }

    @Test
    void idsAreAsciiDigitsWithinTheIntRange() {
        // Java's parser takes other scripts' digits: "\u0661" would silently be user 1
        assertThatThrownBy(() -> read("\u0661 2 3 4\n1 2 3 4\n", false))
                .hasMessage("data.txt:1: user id '\u0661' (token 1) is not a whole number written in the digits 0-9");
        assertThatThrownBy(() -> read("1 2 3 4\n2 3 99999999999 4\n", false))
                .hasMessage("data.txt:2: item id 99999999999 (token 3) is above the largest id this reader takes, 2147483647");
    }

    @Test
    void nonPositiveIdsAreRejected() {
        assertThatThrownBy(() -> read("1 2 0 4\n", false)).hasMessage("data.txt:1: item id 0 (token 3) must be positive");
        assertThatThrownBy(() -> read("-1 2 3 4\n", false)).hasMessage("data.txt:1: user id -1 (token 1) must be positive");
    }

    @Test
    void repeatedUserIsRejected() {
        assertThatThrownBy(() -> read("1 2 3 4\n2 2 3 4\n1 5 6 7\n", false))
                .hasMessage("data.txt:3: user id 1 appears a second time");
    }

    @Test
    void emptyLineInTheMiddleIsRejectedButTrailingOnesAreFine() throws IOException {
        assertThatThrownBy(() -> read("1 2 3 4\n\n2 2 3 4\n", false))
                .hasMessageStartingWith("data.txt:2: empty line in the middle");
        assertThat(read("1 2 3 4\n\n\n", false).userCount()).isEqualTo(1);
    }

    @Test
    void shortUsersAreSkippedOrRejectedInStrictMode() throws IOException {
        SequenceDataset d = read("1 2 3\n2 4 5 6\n3 7\n", false);
        assertThat(d.userIds()).containsExactly(2);
        assertThatThrownBy(() -> read("1 2 3\n2 4 5 6\n", true))
                .hasMessage("data.txt:1: user 1 has 2 item(s); a leave-one-out split needs at least 3");
    }

    @Test
    void userWithoutItemsIsRejected() {
        assertThatThrownBy(() -> read("1\n", false)).hasMessageContaining("data.txt:1: a line needs a user id");
    }

    @Test
    void missingAndEmptyFilesAreNamed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> new SequenceFileReader(false).read(missing)).isInstanceOf(DatasetException.class)
                .hasMessage(missing + ": no such file");
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertThatThrownBy(() -> new SequenceFileReader(false).read(empty)).hasMessage(empty + ": the file is empty");
    }
}
