package io.seqaug.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

class LeaveOneOutSplitTest {

    private static final String FILE = """
            10 1 2 3 4 5 6
            20 7 8 9
            30 3 1 4 1 5
            """;

    private static LeaveOneOutSplit split(int maxLength) throws IOException {
        return new LeaveOneOutSplit(new SequenceFileReader(false).read(new StringReader(FILE), "split.txt"), maxLength);
    }

    @Test
    void trainingInputsAndTargetsFollowThePublishedProtocol() throws IOException {
        List<TrainingExample> train = split(50).nextItemExamples();
        // user 20 has exactly 3 items: no training example
        assertThat(train).extracting(TrainingExample::user).containsExactly(0, 2);
        assertThat(train.get(0).input()).containsExactly(1, 2, 3);
        assertThat(train.get(0).targets()).containsExactly(2, 3, 4);
        assertThat(train.get(1).input()).containsExactly(3, 1);
        assertThat(train.get(1).targets()).containsExactly(1, 4);
    }

    @Test
    void validationAndTestHoldOutTheLastTwoItems() throws IOException {
        LeaveOneOutSplit split = split(50);
        EvaluationCase valid = split.validation().get(0);
        assertThat(valid.input()).containsExactly(1, 2, 3, 4);
        assertThat(valid.answer()).isEqualTo(5);
        assertThat(valid.seen()).containsExactly(1, 2, 3, 4);
        EvaluationCase test = split.test().get(0);
        assertThat(test.input()).containsExactly(1, 2, 3, 4, 5);
        assertThat(test.answer()).isEqualTo(6);
        // the 3-item user still counts in validation and test
        assertThat(split.validation().get(1).input()).containsExactly(7);
        assertThat(split.test().get(1).answer()).isEqualTo(9);
        // seen items are distinct and sorted
        assertThat(split.test().get(2).seen()).containsExactly(1, 3, 4);
    }

    @Test
    void truncationKeepsTheMostRecentItemsButMasksTheWholeHistory() throws IOException {
        LeaveOneOutSplit split = split(2);
        assertThat(split.nextItemExamples().get(0).input()).containsExactly(2, 3);
        assertThat(split.nextItemExamples().get(0).targets()).containsExactly(3, 4);
        assertThat(split.test().get(0).input()).containsExactly(4, 5);
        assertThat(split.test().get(0).seen()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void prefixExamplesHaveOnlyTheLastTarget() throws IOException {
        List<TrainingExample> prefixes = split(50).prefixExamples();
        // user 10: training part 1 2 3 4 -> inputs [1], [1 2], [1 2 3]
        assertThat(prefixes.get(0).input()).containsExactly(1);
        assertThat(prefixes.get(0).targets()).containsExactly(2);
        assertThat(prefixes.get(2).input()).containsExactly(1, 2, 3);
        assertThat(prefixes.get(2).targets()).containsExactly(0, 0, 4);
        // one example per next-item target of the causal split: 3 + 0 + 2
        assertThat(prefixes).hasSize(5);
    }

    @Test
    void leftPaddingFillsWithZeros() {
        int[] matrix = new int[8];
        LeaveOneOutSplit.leftPadInto(new int[] {5, 6}, matrix, 1, 4);
        assertThat(matrix).containsExactly(0, 0, 0, 0, 0, 0, 5, 6);
        LeaveOneOutSplit.leftPadInto(new int[] {1, 2, 3, 4, 5}, matrix, 0, 4);
        assertThat(matrix).containsExactly(2, 3, 4, 5, 0, 0, 5, 6);
    }

    @Test
    void similarityUsesOnlyTrainingInputs() throws IOException {
        assertThat(split(50).trainingInputs().get(0)).containsExactly(1, 2, 3);
        assertThat(split(50).trainingInputs().get(1)).isEmpty();
    }
}
