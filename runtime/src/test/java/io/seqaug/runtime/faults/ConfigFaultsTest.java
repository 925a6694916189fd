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
}
