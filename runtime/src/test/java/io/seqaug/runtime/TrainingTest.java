package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class TrainingTest {

    @TempDir
    Path dir;

    private static final Pattern TEST_LINE = Pattern.compile("test  HR@5 (\\S+) NDCG@5 (\\S+) HR@10 (\\S+) .*");

    private static double hr10(String out) {
        Matcher m = TEST_LINE.matcher(out.lines().filter(l -> l.startsWith("test  ")).findFirst().orElseThrow());
        assertThat(m.matches()).isTrue();
        return Double.parseDouble(m.group(3));
    }

    private static String testLine(String out) {
        return out.lines().filter(l -> l.startsWith("test  ")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec", "fmlp-rec"})
    void everyBackboneLearnsPlantedTransitions(String backbone) {
        CliTestSupport.Run run = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.model.backbone=" + backbone, "-Dseqaug.train.stage1.epochs=15", "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.backbone.gru4rec.dropout=0.1", "-Dseqaug.backbone.fmlp-rec.hidden-dropout=0.1"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(hr10(run.out())).as(run.out()).isGreaterThan(0.9);
    }

    @Test
    void sameSeedSameMetricsAndACheckpointEvaluatesAndResumesIdentically() throws IOException {
        CliTestSupport.Run first = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=1", "-Dseqaug.augmenter.name=basrec",
                "-Dseqaug.run-name=a"));
        CliTestSupport.Run second = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=1", "-Dseqaug.augmenter.name=basrec",
                "-Dseqaug.run-name=b"));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(testLine(first.out())).isEqualTo(testLine(second.out()));

        Path runDir = dir.resolve("a");
        assertThat(runDir.resolve("results.json")).exists();
        List<String> epochs = Files.readAllLines(runDir.resolve("epochs.jsonl"));
        assertThat(epochs).hasSize(3);
        assertThat(epochs.get(2)).contains("\"stage\":2").contains("\"single-seq\"").contains("\"cross-seq\"");

        CliTestSupport.Run evaluated = CliTestSupport.run("evaluate", "--checkpoint", runDir.resolve("best.ckpt").toString());
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        assertThat(testLine(evaluated.out())).isEqualTo(testLine(first.out()));

        CliTestSupport.Run resumed = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.init-from=" + runDir.resolve("best.ckpt"), "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.run-name=c"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(testLine(resumed.out())).isEqualTo(testLine(first.out()));
    }
}
