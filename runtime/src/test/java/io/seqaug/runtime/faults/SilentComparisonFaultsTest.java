package io.seqaug.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.CliFaults;
import io.seqaug.runtime.compare.GridSpec;
import io.seqaug.runtime.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings and grid entries that would silently change nothing, or silently change something else
 * than what the results record, are refused before anything trains.
 */
class SilentComparisonFaultsTest {

    @TempDir
    Path dir;

    private static GridSpec grid(String body) {
        return GridSpec.from(ConfigFactory.parseString("grid { name = g, datasets = [a, b], backbones = [sasrec],"
                + " augmenters = [none, basrec], " + body + " }"), "g.conf");
    }

    @Test
    void aStageWhoseValidationNeverStartsIsRefusedNamingBothKeys() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.stage2.epochs=3", "-Dseqaug.train.stage2.start-valid=3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.train.stage2.start-valid = 3 (command line")
                .contains("is not below seqaug.train.stage2.epochs = 3").contains("thrown away");
        assertThat(r.out()).doesNotContain("[stage");
        assertThat(dir.resolve("synthetic-sasrec-none-s42")).doesNotExist();
    }

    @Test
    void theLastEpochMayStillBeTheFirstValidated() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.stage1.epochs=2", "-Dseqaug.train.stage1.start-valid=1");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aFractionalCountIsRefusedInsteadOfTruncated() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.stage1.epochs=2.7");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.train.stage1.epochs = 2.7").contains("must be a whole number");
    }

    @Test
    void aFractionTakesAKeyWhoseDefaultIsWrittenWithADecimalPoint() {
        // weight-decay = 0.0 in reference.conf: the parser stores it as an integer, but it is no count
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.weight-decay=0.01");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void aSeedBeyondTheLongRangeIsRefusedInsteadOfClamped() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.seed=99999999999999999999");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.seed").contains("must be a whole number within the range of a 64-bit integer");
    }

    @Test
    void aRepeatedSeedDatasetOrAugmenterIsRefused() {
        assertThatThrownBy(() -> grid("seeds = [1, 1, 2]")).isInstanceOf(ConfigError.class)
                .hasMessage("g.conf: grid.seeds lists 1 twice; it would run once and be reported twice");
        assertThatThrownBy(() -> GridSpec.from(ConfigFactory.parseString("grid { name = g, datasets = [a], "
                + "backbones = [sasrec], augmenters = [none, basrec, none] }"), "g.conf"))
                .hasMessageContaining("grid.augmenters lists none twice");
    }

    @Test
    void aFractionalSeedIsRefused() {
        assertThatThrownBy(() -> grid("seeds = [1.5, 1]")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("grid.seeds holds 1.5").hasMessageContaining("seeds are whole numbers");
    }

    @Test
    void aCellsEntryThatMatchesNoCellIsRefusedWhateverItNames() {
        assertThatThrownBy(() -> grid("cells = [ { augmenter = basrc, settings.seed = 3 } ]")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("names augmenter 'basrc', which grid.augmenters does not list [none, basrec]");
        assertThatThrownBy(() -> grid("cells = [ { dataset = A } ]")).hasMessageContaining("names dataset 'A'");
        assertThatThrownBy(() -> grid("cells = [ { backbone = gru4rec } ]")).hasMessageContaining("names backbone 'gru4rec'");
        assertThat(grid("cells = [ { dataset = b, augmenter = basrec } ]").overrides()).hasSize(1);
    }

    @Test
    void aVariantNamedLikeAnotherProviderIsRefusedBeforeAnythingTrains() throws IOException {
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                grid {
                  name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"]
                  variants = [ { name = "basrec", augmenter = "coserec" } ]
                }
                """);
        CliFaults.Result r = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("grid.variants name 'basrec' is the name of the augmenter provider basrec, but the "
                + "variant runs coserec");
        assertThat(dir.resolve("g/stage1")).doesNotExist();
    }

    @Test
    void settingsForAnotherAugmentersBlockAreRefusedAsDoingNothing() {
        assertThatThrownBy(() -> grid("augmenters = [none, v], variants = [ { name = v, augmenter = basrec,"
                + " settings.augmenter.coserec.weight = 0.5 } ]")).isInstanceOf(ConfigError.class)
                .hasMessageContaining("grid.variants entry 'v' (").hasMessageContaining(") sets augmenter.coserec, but its cells run "
                        + "augmenter 'basrec', which reads only augmenter.basrec: the setting would do nothing");
        assertThatThrownBy(() -> grid("cells = [ { augmenter = basrec, settings.augmenter.name = coserec } ]"))
                .hasMessageContaining("grid.cells entry for augmenter 'basrec' (").hasMessageContaining("sets augmenter.name");
        // a cells entry for a variant is checked against the variant's provider
        assertThatThrownBy(() -> grid("augmenters = [none, v], variants = [ { name = v, augmenter = basrec } ],"
                + " cells = [ { augmenter = v, settings.augmenter.cl4srec.weight = 0.2 } ]"))
                .hasMessageContaining("grid.cells entry for augmenter 'v'").hasMessageContaining("run augmenter 'basrec'");
        // an entry for every augmenter may set each one's block; the entries for one set their own
        assertThat(grid("cells = [ { settings.augmenter.coserec.weight = 0.5 }, { augmenter = basrec,"
                + " settings.augmenter.basrec.n-pairs = 1 } ]").overrides()).hasSize(2);
    }

    @Test
    void twoCellsWithTheSameSettingsAreRefusedNamingBoth() throws IOException {
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                seqaug.augmenter.basrec.n-pairs = 1
                grid {
                  name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec", "plain", "one-pair"]
                  variants = [
                    { name = "plain", augmenter = "none" }
                    { name = "one-pair", augmenter = "basrec", settings.augmenter.basrec.n-pairs = 2 }
                  ]
                }
                """);
        CliFaults.Result r = CliFaults.plan(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cell synthetic sasrec none seed 42 and cell synthetic sasrec plain seed 42 have the same "
                + "settings: they would train the same model twice and report it under two names");
        assertThat(dir.resolve("g")).doesNotExist();
        // a variant that differs from every other cell is a cell of its own
        Files.writeString(conf, Files.readString(conf).replace("\"none\", \"basrec\", \"plain\",", "\"none\", \"basrec\","));
        CliFaults.Result plan = CliFaults.plan(dir, "-c", conf.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
        // a variant whose one setting equals the grid's is the grid's cell again
        Files.writeString(conf, Files.readString(conf).replace("n-pairs = 2", "n-pairs = 1"));
        CliFaults.Result same = CliFaults.plan(dir, "-c", conf.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("cell synthetic sasrec basrec seed 42 and cell synthetic sasrec one-pair seed 42");
    }

    @Test
    void oneDataPathForSeveralGridDatasetsIsRefused() throws IOException {
        Path data = Files.writeString(dir.resolve("one.txt"), "1 1 2 3 4 5\n2 2 3 4 5 6\n3 1 3 5 2 4\n");
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.data.path = "%s"
                grid { name = "g", datasets = ["synthetic", "beauty"], backbones = ["sasrec"], augmenters = ["none"] }
                """.formatted(data));
        CliFaults.Result r = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.data.path = " + data).contains("applies to the grid's datasets synthetic and beauty");
    }

    @Test
    void oneDataFileSpeltTwoWaysIsOneDatasetNotTwo() throws IOException {
        Path data = Files.writeString(dir.resolve("d.txt"), String.join("\n", java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(u -> u + " " + (u % 7 + 1) + " " + (u % 5 + 2) + " " + (u % 3 + 3) + " " + (u % 11 + 1)).toList()) + "\n");
        Path conf = Files.writeString(dir.resolve("grid.conf"), "seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }\n"
                + "grid { name = \"g\", datasets = [\"" + data + "\", \"" + dir.resolve(".").resolve("d.txt") + "\"],"
                + " backbones = [\"sasrec\"], augmenters = [\"none\", \"basrec\"] }\n");
        CliFaults.Result r = CliFaults.plan(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("are the same job").contains("it would run once and be reported twice");
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void aGridWhoseCellsRunNoStageTwoEpochIsRefusedBeforeStageOneTrains() throws IOException {
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 0 }
                grid { name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"] }
                """);
        CliFaults.Result r = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cell synthetic sasrec none seed 42 starts from the grid's shared stage 1 and runs no "
                + "stage-2 epoch (seqaug.train.stage2.epochs = 0");
        assertThat(dir.resolve("g")).doesNotExist();
    }

    @Test
    void aCellOverrideTheSharedStageOneCannotServeIsRefusedBeforeAnythingTrains() throws IOException {
        Path conf = Files.writeString(dir.resolve("grid.conf"), """
                seqaug.train { stage1.epochs = 1, stage2.epochs = 1 }
                grid {
                  name = "g", datasets = ["synthetic"], backbones = ["sasrec"], augmenters = ["none", "basrec"]
                  cells = [ { augmenter = "basrec", settings.backbone.sasrec.layers = 3 } ]
                }
                """);
        CliFaults.Result r = CliFaults.compare(dir, "-c", conf.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cell synthetic sasrec basrec seed 42 sets backbone.sasrec.layers: 2 -> 3")
                .contains("starts from the grid's shared stage 1");
        assertThat(dir.resolve("g/stage1")).doesNotExist();
        // a dropout is no part of the model's shape: a cell may change it
        Files.writeString(conf, Files.readString(conf).replace("layers = 3", "hidden-dropout = 0.3"));
        CliFaults.Result plan = CliFaults.plan(dir, "-c", conf.toString());
        assertThat(plan.code()).as(plan.err()).isZero();
    }

    @Test
    void nothingToTrainOnIsAnErrorNotAnUntrainedResult() throws IOException {
        Path data = Files.writeString(dir.resolve("three.txt"), "1 1 2 3\n2 2 3 4\n3 3 4 5\n4 1 4 2\n");
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.data.path=" + data, "-Dseqaug.run-name=r");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no training sequences").contains("nothing to train on");
        assertThat(dir.resolve("r/results.json")).doesNotExist();
    }

    @Test
    void anAugmenterWhoseStageRunsNoEpochIsRefusedNotReportedUnderItsName() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.augmenter.name=basrec", "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.run-name=r");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("augmenter basrec trains in stage 2, which runs no epoch here (seqaug.train.stage2.epochs = 0,")
                .contains("reported as basrec");
        assertThat(r.out()).doesNotContain("[stage");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void noEpochAtAllIsRefusedInsteadOfAnUntrainedModelsMetrics() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.stage1.epochs=0", "-Dseqaug.train.stage2.epochs=0",
                "-Dseqaug.run-name=r");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("are both 0: nothing would train");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aLearningRateOfZeroIsRefused() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.train.learning-rate=0", "-Dseqaug.run-name=r");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.train.learning-rate = 0 (command line").contains("untrained model");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aZeroWeightIsRefusedBeforeAnythingTrains() {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.augmenter.name=cl4srec", "-Dseqaug.augmenter.cl4srec.weight=0",
                "-Dseqaug.train.stage1.epochs=0", "-Dseqaug.train.stage2.epochs=1", "-Dseqaug.run-name=r");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.augmenter.cl4srec.weight is 0");
        assertThat(dir.resolve("r")).doesNotExist();
    }
}
