package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class InteractionLogReaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("log.csv"), text);
    }

    @Test
    void ordersByTimeKeepingFileOrderOnTiesAndMapsIdsDensely() throws IOException {
        Path file = write("""
                user,item,ts
                alice,x,30
                alice,y,10
                alice,z,10
                bob,y,5
                bob,x,6
                bob,w,7
                """);
        SequenceDataset d = new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0)).read(file);
        // dense ids by first appearance: x=1, y=2, z=3, w=4
        assertThat(d.sequences()[0]).containsExactly(2, 3, 1);
        assertThat(d.sequences()[1]).containsExactly(2, 1, 4);
        assertThat(d.itemCount()).isEqualTo(4);
    }

    @Test
    void kCoreIsRepeatedUntilStable() throws IOException {
        // Users u1..u3 share items a, b, c (a dense 3-core). Item d has 2 users and goes first;
        // that leaves u4 with one item, so u4 goes next, and the core remains.
        StringBuilder log = new StringBuilder("u\ti\tt\n");
        String[] core = {"a", "b", "c"};
        for (int u = 1; u <= 3; u++) {
            for (int k = 0; k < core.length; k++) {
                log.append("u").append(u).append('\t').append(core[k]).append('\t').append(k).append('\n');
            }
        }
        log.append("u1\td\t9\nu4\ta\t1\nu4\td\t2\n");
        Path file = Files.writeString(dir.resolve("log.tsv"), log);
        SequenceDataset d = new InteractionLogReader(new InteractionLogReader.Format('\t', "u", "i", "t", 3)).read(file);
        assertThat(d.userCount()).isEqualTo(3);
        for (int[] s : d.sequences()) {
            assertThat(s).containsExactly(1, 2, 3);
        }
    }

    @Test
    void missingColumnAndBadTimestampAreNamed() throws IOException {
        Path file = write("user,item,time\na,b,1\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0))
                .read(file)).hasMessageStartingWith(file + ":1: no column named 'ts'");
        Path bad = write("user,item,ts\na,b,yesterday\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0))
                .read(bad)).hasMessage(bad + ":2: timestamp 'yesterday' in column 'ts' is not a finite number");
        Path nan = write("user,item,ts\na,b,NaN\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0))
                .read(nan)).hasMessage(nan + ":2: timestamp 'NaN' in column 'ts' is not a finite number");
    }

    @Test
    void aKCoreThatRemovesEveryoneSaysWhichKCore() throws IOException {
        Path file = write("user,item,ts\na,x,1\na,y,2\nb,x,3\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 5))
                .read(file)).hasMessageContaining("the 5-core filter").hasMessageContaining("removed all 3 interactions")
                .hasMessageContaining("seqaug.data.interactions.k-core");
    }
}
