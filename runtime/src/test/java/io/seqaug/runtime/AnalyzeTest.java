package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class AnalyzeTest {

    @TempDir
    Path dir;

    @Test
    void everyOperatorRateAndBasrecSampleIsMeasuredWithinBoundsAndReproducibly() throws IOException {
        CliTestSupport.Run train = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=0", "-Dseqaug.run-name=model"));
        assertThat(train.code()).as(train.err()).isZero();
        Path checkpoint = dir.resolve("model/best.ckpt");
        String[] args = {"analyze", "augmentation", "--checkpoint", checkpoint.toString(), "--users", "40", "--copies", "3",
            "--rates", "0.2,0.8", "--out", dir.resolve("a").toString(), "-Dseqaug.data.cache-dir=" + dir.resolve("cache")};
        CliTestSupport.Run first = CliTestSupport.run(args);
        assertThat(first.code()).as(first.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("a/augmentation.csv"));
        // the original, 5 operators x 2 rates, BASRec copies unmixed and mixed, and its two cross mixups
        assertThat(rows).hasSize(1 + 1 + 10 + 2 + 2);
        assertThat(rows.get(1)).startsWith("original,,1.00000,").endsWith(",0.00000,0.00000");
        assertThat(rows.get(0)).isEqualTo("method,rate,relevance_cosine,relevance_top20,diversity_pairwise,distance_to_original");
        assertThat(rows).anyMatch(r -> r.startsWith("reorder,0.80,")).anyMatch(r -> r.startsWith("basrec single-sequence (mixed),,"))
                .anyMatch(r -> r.startsWith("basrec cross-sequence feature-wise,,"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            double cosine = Double.parseDouble(f[2]);
            double top20 = Double.parseDouble(f[3]);
            double pairwise = Double.parseDouble(f[4]);
            double distance = Double.parseDouble(f[5]);
            assertThat(cosine).as(row).isBetween(-1.0001, 1.0001);
            assertThat(top20).as(row).isBetween(0.0, 1.0);
            assertThat(pairwise).as(row).isBetween(-0.0001, 2.0001);
            assertThat(distance).as(row).isGreaterThanOrEqualTo(0.0);
        }
        assertThat(dir.resolve("a/augmentation.png")).exists();
        CliTestSupport.Run second = CliTestSupport.run(args);
        assertThat(second.code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("a/augmentation.csv"))).isEqualTo(rows);

        CliTestSupport.Run one = CliTestSupport.run("analyze", "augmentation", "--checkpoint", checkpoint.toString(), "--copies",
                "1", "--out", dir.resolve("b").toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--copies must be at least 2");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void theOriginalsTop20RateOverEveryTestUserIsTheCheckpointsTestHr20() throws IOException {
        CliTestSupport.Run train = CliTestSupport.run(CliTestSupport.synthetic(dir.toString(), "train",
                "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage2.epochs=0", "-Dseqaug.run-name=model"));
        assertThat(train.code()).as(train.err()).isZero();
        double testHr20 = ConfigFactory.parseFile(dir.resolve("model/results.json").toFile()).getDouble("test.\"HR@20\"");
        // more users than the test split has: the sample is every test user, so the original's
        // rate must be HR@20 as evaluation computed it (seen items excluded, ties against the answer)
        CliTestSupport.Run analyze = CliTestSupport.run("analyze", "augmentation", "--checkpoint",
                dir.resolve("model/best.ckpt").toString(), "--users", "100000", "--copies", "2", "--rates", "0.5",
                "--out", dir.resolve("a").toString(), "-Dseqaug.data.cache-dir=" + dir.resolve("cache"));
        assertThat(analyze.code()).as(analyze.err()).isZero();
        String original = Files.readAllLines(dir.resolve("a/augmentation.csv")).get(1);
        assertThat(original).startsWith("original,");
        assertThat(testHr20).isGreaterThan(0.0);
        assertThat(Double.parseDouble(original.split(",")[3])).isCloseTo(testHr20, within(0.5e-5));
    }
}
