package io.seqaug.datasets;

import java.util.Arrays;

/**
 * Summary numbers of a dataset, as {@code seqaug datasets stats} prints them.
 *
 * @param users number of users
 * @param items the largest item id
 * @param distinctItems items that occur at least once
 * @param interactions total interactions
 * @param meanLength mean sequence length
 * @param p50 median sequence length
 * @param p90 90th percentile of sequence length
 * @param p99 99th percentile of sequence length
 * @param maxLength the longest sequence
 * @param density interactions / (users x items)
 */
public record DatasetStats(int users, int items, int distinctItems, long interactions, double meanLength, int p50,
        int p90, int p99, int maxLength, double density) {

    /**
     * Computes the statistics.
     *
     * @param dataset the dataset
     * @return the statistics
     */
    public static DatasetStats of(SequenceDataset dataset) {
        int[] lengths = Arrays.stream(dataset.sequences()).mapToInt(s -> s.length).sorted().toArray();
        boolean[] present = new boolean[dataset.itemCount() + 1];
        for (int[] s : dataset.sequences()) {
            for (int item : s) {
                present[item] = true;
            }
        }
        int distinct = 0;
        for (boolean p : present) {
            distinct += p ? 1 : 0;
        }
        long interactions = dataset.interactionCount();
        return new DatasetStats(dataset.userCount(), dataset.itemCount(), distinct, interactions,
                (double) interactions / lengths.length, percentile(lengths, 0.5), percentile(lengths, 0.9),
                percentile(lengths, 0.99), lengths[lengths.length - 1],
                (double) interactions / ((double) dataset.userCount() * dataset.itemCount()));
    }

    /** Nearest-rank percentile of sorted values. */
    private static int percentile(int[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
