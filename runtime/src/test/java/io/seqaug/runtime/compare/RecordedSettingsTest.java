package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.seqaug.runtime.config.SettingsDifferences;
import org.junit.jupiter.api.Test;

class RecordedSettingsTest {

    private static Config parse(String text) {
        return ConfigFactory.parseString(text);
    }

    @Test
    void namesEveryChangedKeyAndIgnoresPresentationOnlyOnes() {
        Config defaults = parse("train { learning-rate = 0.001, progress = true }, eval.seen-items = exclude");
        Config recorded = parse("train { learning-rate = 0.001, progress = true, stage1.epochs = 20 }");
        Config requested = parse("train { learning-rate = 0.1, progress = false, stage1.epochs = 20.0 }, eval.seen-items = exclude");
        // 20 and 20.0 agree; progress is presentation; seen-items was not recorded but is its default
        assertThat(SettingsDifferences.between(recorded, requested, defaults))
                .containsExactly("train.learning-rate: 0.001 -> 0.1");
    }

    @Test
    void theSameFolderReachedByAnotherPathIsNotADifference() {
        Config defaults = parse("seed = 1");
        Config recorded = parse("output-dir = \"runs/grid/stage1\", run-name = \"beauty-sasrec-s1\", seed = 1");
        Config requested = parse("output-dir = \"/work/project/runs/grid/stage1\", run-name = \"beauty-sasrec-s1\", seed = 1");
        assertThat(SettingsDifferences.between(recorded, requested, defaults)).isEmpty();
    }

    @Test
    void aKeyNewSinceTheRunCountsAsItsDefaultOnlyWhenItIsOne() {
        Config defaults = parse("eval.seen-items = exclude");
        Config recorded = parse("seed = 1");
        assertThat(SettingsDifferences.between(recorded, parse("seed = 1, eval.seen-items = zero-score"), defaults))
                .containsExactly("eval.seen-items: exclude -> zero-score");
        assertThat(SettingsDifferences.between(recorded, parse("seed = 2"), defaults)).containsExactly("seed: 1 -> 2");
    }

    @Test
    void settingsRecordedUnderOldNamesCompareUnderTheNewOnes() {
        Config defaults = parse("train { stage1 { epochs = 200, patience = 20, start-valid = 0 },"
                + " stage2 { epochs = 200, patience = 20, start-valid = 0 } }");
        // Before the rename, a stage-2 patience or start-valid of -1 meant "as stage 1".
        Config recorded = parse("train { epochs = 61, patience = 5, start-valid = 0, stage2-epochs = 10,"
                + " stage2-patience = -1, stage2-start-valid = 3 }");
        Config same = parse("train { stage1 { epochs = 61, patience = 5, start-valid = 0 },"
                + " stage2 { epochs = 10, patience = 5, start-valid = 3 } }");
        assertThat(SettingsDifferences.between(recorded, same, defaults)).isEmpty();
        Config longer = parse("train { stage1 { epochs = 61, patience = 5, start-valid = 0 },"
                + " stage2 { epochs = 20, patience = 5, start-valid = 3 } }");
        assertThat(SettingsDifferences.between(recorded, longer, defaults)).containsExactly("train.stage2.epochs: 10 -> 20");
    }

    @Test
    void theBlocksOfBackbonesAndAugmentersTheRunDoesNotUseAreNotDifferences() {
        Config defaults = parse("seed = 1");
        Config recorded = parse("model.backbone = sasrec, augmenter { name = basrec, basrec.beta = 0.4,"
                + " coserec.operator-rules = seqaug }, backbone { sasrec.layers = 2, gru4rec.layers = 1 }");
        Config otherBlocks = parse("model.backbone = sasrec, augmenter { name = basrec, basrec.beta = 0.4,"
                + " coserec.operator-rules = published }, backbone { sasrec.layers = 2, gru4rec.layers = 3 }");
        assertThat(SettingsDifferences.between(recorded, otherBlocks, defaults)).isEmpty();
        // its own blocks are compared
        Config ownBlocks = parse("model.backbone = sasrec, augmenter { name = basrec, basrec.beta = 0.2,"
                + " coserec.operator-rules = seqaug }, backbone { sasrec.layers = 3, gru4rec.layers = 1 }");
        assertThat(SettingsDifferences.between(recorded, ownBlocks, defaults))
                .containsExactly("augmenter.basrec.beta: 0.4 -> 0.2", "backbone.sasrec.layers: 2 -> 3");
        // another augmenter: the name is the difference, and the blocks of both methods are compared
        Config otherMethod = parse("model.backbone = sasrec, augmenter { name = coserec, basrec.beta = 0.4,"
                + " coserec.operator-rules = published }, backbone { sasrec.layers = 2, gru4rec.layers = 1 }");
        assertThat(SettingsDifferences.between(recorded, otherMethod, defaults))
                .containsExactly("augmenter.coserec.operator-rules: seqaug -> published", "augmenter.name: basrec -> coserec");
    }
}
