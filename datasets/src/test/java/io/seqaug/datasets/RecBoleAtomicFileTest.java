package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** RecBole's atomic interaction files: typed header, tab-separated, ordered by timestamp. */
class RecBoleAtomicFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("toy.inter"), text);
    }

    private static InteractionLogReader reader(int kCore) {
        return InteractionLogReader.recbole("user_id", "item_id", "timestamp", kCore);
    }

    @Test
    void readsTypedColumnsInAnyOrderAndSortsEachUserByTimestamp() throws IOException {
        Path file = write("user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
                + "u1\ti9\t5.0\t300\n"
                + "u1\ti7\t3.0\t100\n"
                + "u2\ti7\t4.0\t50\n"
                + "u1\ti8\t4.0\t100\n"
                + "u2\ti9\t1.0\t60\n"
                + "u2\ti8\t2.0\t70\n");
        SequenceDataset d = reader(0).read(file);
        // dense ids by first appearance: i9=1, i7=2, i8=3; ties (u1 at 100) keep file order
        assertThat(d.sequences()[0]).containsExactly(2, 3, 1);
        assertThat(d.sequences()[1]).containsExactly(2, 1, 3);
        assertThat(d.itemCount()).isEqualTo(3);
        // the file's tokens stay with the dense ids, for output meant for people
        assertThat(d.userLabel(0)).isEqualTo("u1");
        assertThat(d.userLabel(1)).isEqualTo("u2");
        assertThat(d.itemLabel(1)).isEqualTo("i9");
        assertThat(d.itemLabel(2)).isEqualTo("i7");
        assertThat(d.itemLabel(3)).isEqualTo("i8");
    }

    @Test
    void filtersLikeRecBolesInteractionIntervalsUntilStable() throws IOException {
        // i4 appears once: dropping it leaves u3 with 2 items, dropping u3 leaves i3 with 2 users
        StringBuilder text = new StringBuilder("item_id:token\tuser_id:token\ttimestamp:float\n");
        String[][] rows = {{"u1", "i1"}, {"u1", "i2"}, {"u1", "i3"}, {"u2", "i1"}, {"u2", "i2"}, {"u2", "i3"},
            {"u3", "i1"}, {"u3", "i2"}, {"u3", "i4"}, {"u4", "i1"}, {"u4", "i2"}, {"u4", "i3"}};
        int t = 0;
        for (String[] r : rows) {
            text.append(r[1]).append('\t').append(r[0]).append('\t').append(t++).append('\n');
        }
        SequenceDataset d = reader(3).read(write(text.toString()));
        assertThat(d.userCount()).isEqualTo(3);
        assertThat(d.itemCount()).isEqualTo(3);
        // labels follow the filtering: u3 and i4 are gone, the others keep their tokens
        assertThat(java.util.stream.IntStream.range(0, 3).mapToObj(d::userLabel)).containsExactly("u1", "u2", "u4");
        assertThat(java.util.stream.IntStream.rangeClosed(1, 3).mapToObj(d::itemLabel)).containsExactly("i1", "i2", "i3");
    }

    @Test
    void anUntypedHeaderIsNamedWithItsFileAndLine() throws IOException {
        Path file = write("user_id\titem_id\ttimestamp\nu1\ti1\t1\n");
        assertThatThrownBy(() -> reader(0).read(file)).isInstanceOf(DatasetException.class)
                .hasMessage(file + ":1: header field 'user_id' is not RecBole's name:type (types float, float_seq, token, token_seq)");
    }

    @Test
    void aMissingColumnOrAWrongTypeIsNamed() throws IOException {
        Path noTime = write("user_id:token\titem_id:token\trating:float\nu1\ti1\t1\n");
        assertThatThrownBy(() -> reader(0).read(noTime)).hasMessageContaining(":1: no column named 'timestamp'");
        Path floatUser = write("user_id:float\titem_id:token\ttimestamp:float\n1\ti1\t1\n");
        assertThatThrownBy(() -> reader(0).read(floatUser))
                .hasMessageContaining(":1: header field 'user_id:float' must be of type token");
    }

    @Test
    void aBadTimestampIsNamedWithItsLine() throws IOException {
        Path file = write("user_id:token\titem_id:token\ttimestamp:float\nu1\ti1\t1\nu1\ti2\tyesterday\n");
        assertThatThrownBy(() -> reader(0).read(file)).hasMessageContaining(":3:")
                .hasMessageContaining("timestamp 'yesterday'");
    }
}
