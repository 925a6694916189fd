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
                .read(bad)).hasMessage(bad + ":2: timestamp 'yesterday' in column 'ts' is not a decimal number");
        Path nan = write("user,item,ts\na,b,NaN\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0))
                .read(nan)).hasMessage(nan + ":2: timestamp 'NaN' in column 'ts' is not a decimal number");
    }

    @Test
    void aKCoreThatRemovesEveryoneSaysWhichKCore() throws IOException {
        Path file = write("user,item,ts\na,x,1\na,y,2\nb,x,3\n");
        assertThatThrownBy(() -> new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 5))
                .read(file)).hasMessageContaining("the 5-core filter").hasMessageContaining("removed all 3 interactions")
                .hasMessageContaining("seqaug.data.interactions.k-core");
    }

    private static InteractionLogReader csv(boolean strict) {
        return new InteractionLogReader(new InteractionLogReader.Format(',', "user", "item", "ts", 0), strict);
    }

    @Test
    void aQuotedFieldKeepsItsDelimitersAndDoubledQuotes() throws IOException {
        Path file = write("user,item,ts\na,\"Book, vol 28\",1\na,\"Book, vol 29\",2\na,\"say \"\"hi\"\"\",3\na,plain,4\n");
        SequenceDataset d = csv(false).read(file);
        assertThat(d.sequences()[0]).containsExactly(1, 2, 3, 4);
        assertThat(d.itemCount()).isEqualTo(4);
        assertThatThrownBy(() -> csv(false).read(write("user,item,ts\na,\"open,1\n")))
                .hasMessageEndingWith("log.csv:2: a quoted field is not closed on its line");
    }

    @Test
    void aRowRepeatedExactlyCountsOnceSoTheTestItemIsNotOneAlreadySeen() throws IOException {
        Path file = write("user,item,ts\na,x,1\na,y,2\na,z,3\na,w,4\na,w,4\n");
        SequenceDataset d = csv(false).read(file);
        assertThat(d.sequences()[0]).containsExactly(1, 2, 3, 4);
        // the same item again later is a repeat interaction, kept
        assertThat(csv(false).read(write("user,item,ts\na,x,1\na,y,2\na,x,3\n")).sequences()[0]).containsExactly(1, 2, 1);
    }

    @Test
    void usersTooShortToSplitAreSkippedWithTheirItemsOrRefusedWhenStrict() throws IOException {
        Path file = write("user,item,ts\na,x,1\na,y,2\na,z,3\nb,only,1\nb,mine,2\n");
        SequenceDataset d = csv(false).read(file);
        assertThat(d.userCount()).isEqualTo(1);
        assertThat(d.itemCount()).as("b's items are not in the catalogue").isEqualTo(3);
        assertThatThrownBy(() -> csv(true).read(file)).hasMessageEndingWith(
                "log.csv:5: user 'b' has 2 interaction(s) after filtering; a leave-one-out split needs at least 3"
                        + " (seqaug.data.strict = false skips such users)");
    }

    @Test
    void aTimestampWithATypeSuffixOrInAnotherNotationIsRefused() throws IOException {
        for (String stamp : new String[] {"1000f", "1000d", "0x10", "Infinity", "1e400"}) {
            Path file = write("user,item,ts\na,x," + stamp + "\n");
            assertThatThrownBy(() -> csv(false).read(file)).as(stamp)
                    .hasMessageEndingWith("log.csv:2: timestamp '" + stamp + "' in column 'ts' is not a decimal number");
        }
        assertThat(csv(false).read(write("user,item,ts\na,x,1.5e3\na,y,-2\na,z,.5\n")).sequences()[0]).containsExactly(2, 3, 1);
    }

    @Test
    void aFileInAnotherEncodingIsRefusedByNameAndLine() throws IOException {
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, withBom("user,item,ts\na,x,1\n"));
        assertThatThrownBy(() -> csv(false).read(utf16)).hasMessage(utf16 + ": the file is UTF-16LE text; SeqAug reads UTF-8 "
                + "(convert it, for example with iconv -f UTF-16LE -t UTF-8)");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "user,item,ts\na,caf\u00e9,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> csv(false).read(latin1)).hasMessageStartingWith(latin1 + ":2: not UTF-8 text");
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xff;
        all[1] = (byte) 0xfe;
        System.arraycopy(body, 0, all, 2, body.length);
        return all;
    }
}
