package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** grid.sweep: named variants from swept values, chosen on validation only. */
class SweepTest {

    @TempDir
    Path dir;

    private GridPlan plan(String grid) {
        return GridPlan.build(ConfigFactory.parseString("""
                seqaug.output-dir = "%s"
                seqaug.augmenter.basrec.rate-max = 0.71
                grid { name = "s", datasets = ["synthetic"], backbones = ["sasrec"], seeds = [1, 2], %s }
                """.formatted(dir.resolve("runs"), grid)), "s.conf", Map.of(), new ConfigLoader(getClass().getClassLoader()));
    }

    @Test
    void sweptKeysFormAProductOfNamedVariantsThatShareStageOne() {
        GridPlan plan = plan("""
                augmenters = ["none", "basrec"]
                sweep { "augmenter.basrec.beta" = [0.2, 0.4], "augmenter.basrec.n-pairs" = [1, 2] }
                cells = [{ augmenter = "basrec", settings.augmenter.basrec.rate-min = 0.1 }]
                """);
        assertThat(plan.grid().augmenters()).containsExactly("none", "basrec-beta0.2-npairs1", "basrec-beta0.2-npairs2",
                "basrec-beta0.4-npairs1", "basrec-beta0.4-npairs2");
        // two stage-1 jobs (one per seed), ten cells, every cell after its seed's stage 1
        assertThat(plan.jobs().stream().filter(GridPlan.Job::stage1)).hasSize(2);
        assertThat(plan.cells()).isEqualTo(10);
        assertThat(plan.grid().provider("basrec-beta0.4-npairs2")).isEqualTo("basrec");
        // the method's cells apply to its points, and the swept value wins
        var settings = plan.grid().settingsFor("synthetic", "sasrec", "basrec-beta0.4-npairs2");
        assertThat(settings.getDouble("augmenter.basrec.beta")).isEqualTo(0.4);
        assertThat(settings.getInt("augmenter.basrec.n-pairs")).isEqualTo(2);
        assertThat(settings.getDouble("augmenter.basrec.rate-min")).isEqualTo(0.1);
    }

    @Test
    void aSweepAboveItsLimitOrOfAnotherKindOfKeyIsRefused() {
        assertThatThrownBy(() -> plan("""
                augmenters = ["basrec"], sweep-limit = 3
                sweep { "augmenter.basrec.beta" = [0.2, 0.4], "augmenter.basrec.n-pairs" = [1, 2] }
                """)).hasMessageContaining("makes 4 combinations").hasMessageContaining("above grid.sweep-limit = 3");
        assertThatThrownBy(() -> plan("""
                augmenters = ["basrec"], sweep { "train.learning-rate" = [0.001, 0.01] }
                """)).hasMessageContaining("grid.sweep key train.learning-rate").hasMessageContaining("is not an augmenter's setting");
        assertThatThrownBy(() -> plan("""
                augmenters = ["none"], sweep { "augmenter.basrec.beta" = [0.2] }
                """)).hasMessageContaining("sweeps basrec, which grid.augmenters does not list [none]");
        assertThatThrownBy(() -> plan("""
                augmenters = ["basrec"], sweep { "augmenter.basrec.beta" = [0.2, 0.2] }
                """)).hasMessageContaining("lists 0.2 twice");
    }

    /** A finished run folder with the given validation and test NDCG@20. */
    private static void finished(Path runDir, double valid, double test) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("results.json"), """
                {"interrupted": false, "valid": {"NDCG@20": %s}, "test": {"NDCG@20": %s, "HR@20": %s}}
                """.formatted(valid, test, test * 2));
    }

    @Test
    void theSettingIsChosenOnValidationEvenWhenAnotherTestsBetter() throws IOException {
        GridPlan plan = plan("""
                augmenters = ["basrec"], sweep { "augmenter.basrec.beta" = [0.2, 0.4, 0.6] }
                """);
        double[][] byBeta = {{0.030, 0.050}, {0.040, 0.020}, {0.035, 0.030}};
        List<String> names = List.of("basrec-beta0.2", "basrec-beta0.4", "basrec-beta0.6");
        for (GridPlan.Job job : plan.jobs()) {
            if (!job.stage1()) {
                double[] v = byBeta[names.indexOf(job.augmenter())];
                finished(job.directory(), v[0] + job.seed() * 0.001, v[1]);
            }
        }
        String md = SweepReport.write(plan);
        assertThat(md).contains("| 0.4 | 2 | 0.0415 ± 0.0007 | **0.0200 ± 0.0000** | 0.0400 ± 0.0000 | chosen |")
                .contains("| 0.2 | 2 | 0.0315 ± 0.0007 | 0.0500 ± 0.0000 | 0.1000 ± 0.0000 | |")
                .contains("Chosen on validation: {augmenter.basrec.beta=0.4} (basrec-beta0.4), test NDCG@20 0.0200 ± 0.0000.");
        assertThat(dir.resolve("runs/s/sweep.md")).exists();
        assertThat(dir.resolve("runs/s/sensitivity-synthetic-sasrec-basrec-beta.png")).exists();
    }
}
