package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.compare.CellResult;
import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.compare.GridSpec;
import io.seqaug.runtime.compare.Reports;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class GridSpecTest {

    private static Config example(String name) {
        return ConfigFactory.parseFile(Path.of("../examples", name).toFile()).resolve();
    }

    @Test
    void publishedGridAppliesMatchingCellSettingsInOrder() {
        GridSpec grid = GridSpec.from(example("published.conf"), "published.conf");
        assertThat(grid.datasets()).containsExactly("beauty", "sports", "yelp", "home");
        assertThat(grid.seeds()).containsExactly(1L, 2L, 3L);
        Config homeSasrec = grid.settingsFor("home", "sasrec", "basrec");
        assertThat(homeSasrec.getDouble("backbone.sasrec.hidden-dropout")).isEqualTo(0.05);
        assertThat(homeSasrec.getDouble("augmenter.basrec.rate-min")).isEqualTo(0.3);
        assertThat(homeSasrec.getInt("train.stage2.start-valid")).isEqualTo(51);
        // stage 1 takes only settings that name no augmenter
        Config stage1 = grid.settingsFor("beauty", "gru4rec", null);
        assertThat(stage1.getDouble("backbone.gru4rec.dropout")).isEqualTo(0.2);
        assertThat(stage1.hasPath("augmenter")).isFalse();
        assertThat(grid.settingsFor("yelp", "gru4rec", "basrec").getInt("augmenter.basrec.n-pairs")).isEqualTo(1);
    }

    @Test
    void everyExampleIsValidForTheCellsItDefines() {
        ConfigLoader loader = new ConfigLoader(GridSpecTest.class.getClassLoader());
        for (String name : List.of("quick.conf", "published.conf", "smoke.conf", "reproduce.conf",
                "reproduce-beauty-sasrec.conf", "reproduce-beauty-gru4rec.conf", "ablation.conf", "beauty-evidence.conf")) {
            Config file = example(name);
            GridSpec grid = GridSpec.from(file, name);
            // the plan merges and type-checks every job's settings
            GridPlan plan = GridPlan.build(file, name, Map.of(), loader);
            assertThat(plan.cells()).isEqualTo(grid.datasets().size() * grid.backbones().size() * grid.augmenters().size()
                    * grid.seeds().size());
        }
        assertThat(loader.load(Path.of("../examples/experiment.conf"), Map.of()).getString("seqaug.augmenter.name"))
                .isEqualTo("basrec");
    }

    @Test
    void unknownGridKeysAndMissingBlocksAreNamed() {
        assertThatThrownBy(() -> GridSpec.from(ConfigFactory.parseString("grid { name = x, datasets = [a], backbones = [b],"
                + " augmenters = [c], seed = [1] }"), "g.conf")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("unknown key grid.seed");
        assertThatThrownBy(() -> GridSpec.from(ConfigFactory.parseString("seqaug.seed = 1"), "g.conf"))
                .hasMessageContaining("g.conf: no grid");
    }

    @Test
    void summaryReportsMeanStdAndImprovementOverNone() {
        Map<String, Double> none = Map.of("HR@5", 0.1, "NDCG@5", 0.05, "HR@10", 0.2, "NDCG@10", 0.1, "HR@20", 0.3,
                "NDCG@20", 0.2);
        Map<String, Double> better = Map.of("HR@5", 0.15, "NDCG@5", 0.06, "HR@10", 0.3, "NDCG@10", 0.11, "HR@20", 0.3,
                "NDCG@20", 0.1);
        Map<String, Double> best = Map.of("HR@5", 0.25, "NDCG@5", 0.06, "HR@10", 0.3, "NDCG@10", 0.13, "HR@20", 0.3,
                "NDCG@20", 0.1);
        List<CellResult> cells = List.of(new CellResult("beauty", "sasrec", "none", 1, none, 10, 3, List.of()),
                new CellResult("beauty", "sasrec", "basrec", 1, better, 20, 3, List.of()),
                new CellResult("beauty", "sasrec", "basrec", 2, best, 20, 3, List.of()));
        String summary = Reports.summary(cells, 4);
        assertThat(summary).contains("3 of 4 cells finished.");
        // HR@5 of basrec: mean 0.2, sample std 0.0707
        assertThat(summary).contains("| beauty | sasrec | basrec | 2 | 0.2000 ± 0.0707 |");
        // relative to none: HR@5 +100%, NDCG@10 +20%, NDCG@20 -50%
        assertThat(summary).contains("| beauty | sasrec | basrec | +100.0% | +20.0% | +50.0% | +20.0% | +0.0% | -50.0% |");
        assertThat(Reports.csv(cells).lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("beauty,sasrec,none,1,0.100000,0.050000,0.200000,0.100000,0.300000,0.200000,3,10.00,,,,,,,,");
    }

    @Test
    void ablationVariantsRunTheirAugmenterWithTheirSettingsUnderTheirOwnName() {
        Config file = example("ablation.conf");
        GridPlan plan = GridPlan.build(file, "ablation.conf", Map.of(), new ConfigLoader(GridSpecTest.class.getClassLoader()));
        GridPlan.Job uniform = plan.jobs().stream().filter(j -> j.augmenter().equals("uniform-weighting")).findFirst().orElseThrow();
        assertThat(uniform.settings().string("augmenter.name")).isEqualTo("basrec");
        assertThat(uniform.settings().string("augmenter.basrec.weighting")).isEqualTo("uniform");
        assertThat(uniform.settings().string("augmenter.basrec.rate-max")).isEqualTo("0.71");
        assertThat(uniform.dependsOn()).isZero();
        assertThat(uniform.directory().getFileName().toString()).isEqualTo("beauty-sasrec-uniform-weighting-s2024");
        GridPlan.Job oneStage = plan.jobs().stream().filter(j -> j.augmenter().equals("one-stage")).findFirst().orElseThrow();
        assertThat(oneStage.dependsOn()).isEqualTo(-1);
        assertThat(oneStage.settings().string("train.init-from")).isEmpty();
        assertThat(oneStage.settings().integer("train.stage1.epochs", 0, 1000)).isZero();
        assertThat(oneStage.settings().integer("train.stage2.epochs", 0, 1000)).isEqualTo(400);
        GridPlan.Job full = plan.jobs().stream().filter(j -> j.augmenter().equals("basrec")).findFirst().orElseThrow();
        assertThat(full.settings().string("augmenter.basrec.weighting")).isEqualTo("adaptive");
        assertThatThrownBy(() -> GridSpec.from(ConfigFactory.parseString("grid { name = x, datasets = [a], backbones = [b],"
                + " augmenters = [none], variants = [ { name = \"a b\", augmenter = basrec } ] }"), "g.conf"))
                .hasMessageContaining("grid.variants name = 'a b' (").hasMessageContaining("must be one folder name");
    }
}
