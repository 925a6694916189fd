package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.seqaug.runtime.CliFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration mistakes exit 2 with one line naming the key. */
class ConfigFaultsTest {

    @TempDir
    Path dir;

    @Test
    void hiddenSizeNotDivisibleByHeadsNamesTheBackbone() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.backbone.sasrec.heads=3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.backbone.sasrec").contains("not a multiple of heads 3");
    }

    @Test
    void syntheticMinAboveMaxNamesBothKeys() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.data.synthetic.min-length=30",
                "-Dseqaug.data.synthetic.max-length=10");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.data.synthetic.min-length 30 is above seqaug.data.synthetic.max-length 10");
    }

    @Test
    void aTopLevelTypoIsAnError() throws IOException {
        Path conf = Files.writeString(dir.resolve("typo.conf"), "seqag { train.stage1.epochs = 1 }\n");
        CliFaults.Result r = CliFaults.train(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown top-level key seqag.train.stage1.epochs").contains("typo.conf");
    }

    @Test
    void anIncludeOfAFileThatDoesNotExistIsAnErrorWhicheverFormItTakes() throws IOException {
        Files.writeString(dir.resolve("base.conf"), "seqaug.train.stage1.epochs = 1\n");
        String[] includes = {"include \"bsae.conf\"", "include file(\"bsae.conf\")", "include classpath(\"bsae.conf\")"};
        for (String include : includes) {
            Path conf = Files.writeString(dir.resolve("experiment.conf"), include + "\nseqaug.seed = 3\n");
            CliFaults.Result r = CliFaults.train(dir, "-c", conf.toString());
            assertThat(r.code()).as(include).isEqualTo(2);
            assertThat(r.err()).as(include).contains("experiment.conf: include").contains("bsae.conf")
                    .contains("names no file that exists");
        }
        Path good = Files.writeString(dir.resolve("experiment.conf"), "include \"base.conf\"\nseqaug.seed = 3\n");
        CliFaults.Result r = CliFaults.train(dir, "-c", good.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aTabDelimiterCanBeGivenOnTheCommandLine() throws IOException {
        StringBuilder log = new StringBuilder("user_id\titem_id\ttimestamp\n");
        for (int u = 1; u <= 40; u++) {
            for (int k = 0; k < 6; k++) {
                log.append('u').append(u).append('\t').append('i').append((u + k * 3) % 25).append('\t').append(k).append('\n');
            }
        }
        Path tsv = Files.writeString(dir.resolve("log.tsv"), log);
        for (String tab : new String[] {"tab", "\\t"}) {
            CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.data.path=" + tsv, "-Dseqaug.data.format=interactions",
                    "-Dseqaug.data.interactions.delimiter=" + tab, "-Dseqaug.data.interactions.k-core=0", "-Dseqaug.run-name=t" + tab.length());
            assertThat(r.code()).as(tab + ": " + r.err()).isZero();
        }
        CliFaults.Result bad = CliFaults.train(dir, "-Dseqaug.data.path=" + tsv, "-Dseqaug.data.format=interactions",
                "-Dseqaug.data.interactions.delimiter=;;");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("seqaug.data.interactions.delimiter = \";;\"").contains("must be one character, or tab");
    }
}
