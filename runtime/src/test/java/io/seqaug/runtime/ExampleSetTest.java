package io.seqaug.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.seqaug.api.Backbone;
import io.seqaug.api.ModelDims;
import io.seqaug.api.ProviderSettings;
import io.seqaug.backbones.FmlpRecProvider;
import io.seqaug.backbones.SasRecProvider;
import io.seqaug.datasets.LeaveOneOutSplit;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.TrainingExample;
import io.seqaug.runtime.train.ExampleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code seqaug.train.examples}: what an epoch trains on and what augmenters prepare from. */
class ExampleSetTest {

    /** User 1: training input 1 2 3, next item 4 (5 and 6 are validation and test); user 2: input 7, next 8. */
    private static final SequenceDataset DATA = new SequenceDataset("t", new int[] {1, 2},
            new int[][] {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 1}}, 9);
    private static final LeaveOneOutSplit SPLIT = new LeaveOneOutSplit(DATA, 10);
    private static final ModelDims DIMS = new ModelDims(9, 1, 8, 10);

    @TempDir
    Path dir;

    private static Backbone sasrec() {
        return new SasRecProvider().create(DIMS, new ProviderSettings(ConfigFactory.parseString(
                "layers = 1, heads = 1, hidden-dropout = 0.1, attention-dropout = 0.1, last-position-layout = same, attention-layout = grouped,"
                    + " padding = zero"), "seqaug.backbone.sasrec"));
    }

    private static Backbone fmlp() {
        return new FmlpRecProvider().create(DIMS, new ProviderSettings(ConfigFactory.parseString(
                "layers = 1, hidden-dropout = 0.1, last-block = last-position"), "seqaug.backbone.fmlp-rec"));
    }

    @Test
    void autoTrainsCausalBackbonesOnSequencesAndTheOthersOnPrefixes() {
        assertThat(ExampleSet.AUTO.resolve(sasrec())).isEqualTo(ExampleSet.SEQUENCES);
        assertThat(ExampleSet.AUTO.resolve(fmlp())).isEqualTo(ExampleSet.PREFIXES);
        assertThat(ExampleSet.PREFIXES.resolve(sasrec())).isEqualTo(ExampleSet.PREFIXES);
    }

    @Test
    void prefixesAreOneExamplePerTargetWithTheTargetLast() {
        List<TrainingExample> examples = ExampleSet.PREFIXES.of(SPLIT, sasrec());
        // user 1: [1]->2, [1 2]->3, [1 2 3]->4; user 2: [7]->8
        assertThat(examples).extracting(TrainingExample::input)
                .containsExactly(new int[] {1}, new int[] {1, 2}, new int[] {1, 2, 3}, new int[] {7});
        assertThat(examples).extracting(TrainingExample::targets)
                .containsExactly(new int[] {2}, new int[] {0, 3}, new int[] {0, 0, 4}, new int[] {8});
        assertThat(ExampleSet.SEQUENCES.of(SPLIT, sasrec())).extracting(TrainingExample::targets)
                .containsExactly(new int[] {2, 3, 4}, new int[] {8});
    }

    @Test
    void augmentersPrepareFromTheInputsAsTrainedAndTheirNextItems() {
        List<TrainingExample> prefixes = ExampleSet.PREFIXES.of(SPLIT, sasrec());
        assertThat(TrainingExample.inputs(prefixes))
                .containsExactly(new int[] {1}, new int[] {1, 2}, new int[] {1, 2, 3}, new int[] {7});
        assertThat(TrainingExample.lastTargets(prefixes)).containsExactly(2, 3, 4, 8);
        List<TrainingExample> sequences = ExampleSet.AUTO.of(SPLIT, sasrec());
        assertThat(TrainingExample.inputs(sequences)).containsExactly(new int[] {1, 2, 3}, new int[] {7});
        assertThat(TrainingExample.lastTargets(sequences)).containsExactly(4, 8);
    }

    @Test
    void sequencesOnANonCausalBackboneAreRefusedBeforeTheRunFolderIsMade() throws Exception {
        assertThatThrownBy(() -> ExampleSet.SEQUENCES.resolve(fmlp())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not causal");
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.model.backbone=fmlp-rec", "-Dseqaug.train.examples=sequences");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("seqaug.train.examples (command line").contains("is sequences, but the backbone is "
                + "not causal");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("synthetic-fmlp-rec-none-s42");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sasrec", "gru4rec"})
    void aCausalBackboneTrainsOnPrefixesWithOneStepPerBatchOfPrefixes(String backbone) throws Exception {
        CliFaults.Result r = CliFaults.train(dir, "-Dseqaug.model.backbone=" + backbone, "-Dseqaug.train.examples=prefixes",
                "-Dseqaug.train.stage1.epochs=0", "-Dseqaug.train.stage2.epochs=1", "-Dseqaug.augmenter.name=duorec");
        assertThat(r.code()).as(r.err()).isZero();
        String epoch = Files.readAllLines(dir.resolve("synthetic-" + backbone + "-duorec-s42").resolve("epochs.jsonl")).get(0);
        // the synthetic data's 300 users have several training items each: many more prefixes than users
        assertThat(Integer.parseInt(epoch.replaceAll(".*\"sequences\":(\\d+).*", "$1"))).isGreaterThan(300);
        assertThat(epoch).contains("\"supervised-contrastive\"");
    }
}
