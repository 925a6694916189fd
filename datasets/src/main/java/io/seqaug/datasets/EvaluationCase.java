package io.seqaug.datasets;

/**
 * One user's validation or test question.
 *
 * @param user the user index
 * @param input the most recent items before the answer, oldest first, at most {@code maxLength}
 * @param answer the held-out item
 * @param seen every distinct item before the answer (the whole history, not only the truncated
 *     input); these are excluded from the ranking
 */
public record EvaluationCase(int user, int[] input, int answer, int[] seen) {}
