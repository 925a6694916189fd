package io.seqaug.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The leave-one-out split of the published protocol. For a user with items {@code s_1..s_n}: the
 * training input is {@code s_1..s_{n-3}} with next-item targets {@code s_2..s_{n-2}}, validation
 * asks for {@code s_{n-1}} given {@code s_1..s_{n-2}}, and test asks for {@code s_n} given
 * {@code s_1..s_{n-1}}. Inputs longer than {@code maxLength} keep their most recent items.
 */
public final class LeaveOneOutSplit {

    private final SequenceDataset dataset;
    private final int maxLength;

    /**
     * Creates the split.
     *
     * @param dataset the users' sequences (each with at least 3 items)
     * @param maxLength the longest input a model sees
     */
    public LeaveOneOutSplit(SequenceDataset dataset, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        this.dataset = dataset;
        this.maxLength = maxLength;
    }

    /**
     * The dataset being split.
     *
     * @return the dataset
     */
    public SequenceDataset dataset() {
        return dataset;
    }

    /**
     * The longest input a model sees.
     *
     * @return the maximum length
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Every user's full training input {@code s_1..s_{n-3}}, untruncated. Item similarity is computed
     * on it, as in the published code, so it never sees a validation or test answer.
     *
     * @return one array per user, oldest first (empty for users with exactly 3 items)
     */
    public List<int[]> trainingInputs() {
        List<int[]> result = new ArrayList<>(dataset.userCount());
        for (int[] s : dataset.sequences()) {
            result.add(Arrays.copyOf(s, s.length - 3));
        }
        return result;
    }

    /**
     * The item that follows every user's training input ({@link #trainingInputs()}): {@code s_{n-2}},
     * the last next-item target of training.
     *
     * @return one id per user, 0 for users with exactly 3 items (no training input)
     */
    public int[] trainingNextItems() {
        int[][] sequences = dataset.sequences();
        int[] result = new int[sequences.length];
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            result[u] = s.length > 3 ? s[s.length - 3] : 0;
        }
        return result;
    }

    /**
     * One example per user with at least one training input: next-item targets at every position,
     * for causal backbones. Users with exactly 3 items have none.
     *
     * @return the examples, in user order
     */
    public List<TrainingExample> nextItemExamples() {
        List<TrainingExample> result = new ArrayList<>(dataset.userCount());
        int[][] sequences = dataset.sequences();
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            int inputEnd = s.length - 3;
            if (inputEnd < 1) {
                continue;
            }
            int from = Math.max(0, inputEnd - maxLength);
            result.add(new TrainingExample(u, Arrays.copyOfRange(s, from, inputEnd),
                    Arrays.copyOfRange(s, from + 1, inputEnd + 1)));
        }
        return result;
    }

    /**
     * Every prefix of every training history with only its last position's target, for non-causal
     * backbones whose outputs at one position see all positions. Only the last
     * {@code maxLength + 2} items of {@code s_1..s_{n-2}} are used, as in the published FMLP-Rec code.
     *
     * @return the examples, grouped by user
     */
    public List<TrainingExample> prefixExamples() {
        List<TrainingExample> result = new ArrayList<>();
        int[][] sequences = dataset.sequences();
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            int end = s.length - 2;
            int start = Math.max(0, end - (maxLength + 2));
            for (int target = start + 1; target < end; target++) {
                int from = Math.max(start, target - maxLength);
                int[] input = Arrays.copyOfRange(s, from, target);
                int[] targets = new int[input.length];
                targets[targets.length - 1] = s[target];
                result.add(new TrainingExample(u, input, targets));
            }
        }
        return result;
    }

    /**
     * The validation questions, one per user.
     *
     * @return the cases in user order
     */
    public List<EvaluationCase> validation() {
        return evaluationCases(2);
    }

    /**
     * The test questions, one per user.
     *
     * @return the cases in user order
     */
    public List<EvaluationCase> test() {
        return evaluationCases(1);
    }

    private List<EvaluationCase> evaluationCases(int fromEnd) {
        int[][] sequences = dataset.sequences();
        List<EvaluationCase> result = new ArrayList<>(sequences.length);
        for (int u = 0; u < sequences.length; u++) {
            int[] s = sequences[u];
            int answerIndex = s.length - fromEnd;
            int from = Math.max(0, answerIndex - maxLength);
            int[] seen = Arrays.stream(s, 0, answerIndex).distinct().sorted().toArray();
            result.add(new EvaluationCase(u, Arrays.copyOfRange(s, from, answerIndex), s[answerIndex], seen));
        }
        return result;
    }

    /**
     * Left-pads (or keeps the most recent {@code length} items of) a sequence into a row of a
     * row-major matrix.
     *
     * @param items the sequence, oldest first
     * @param target the matrix
     * @param row the row to fill
     * @param length the row length
     */
    public static void leftPadInto(int[] items, int[] target, int row, int length) {
        int n = Math.min(items.length, length);
        int base = row * length;
        Arrays.fill(target, base, base + length - n, 0);
        System.arraycopy(items, items.length - n, target, base + length - n, n);
    }
}
