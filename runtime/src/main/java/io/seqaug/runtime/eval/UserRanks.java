package io.seqaug.runtime.eval;

import io.seqaug.datasets.EvaluationCase;
import io.seqaug.runtime.report.AtomicFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Each test user's 0-based rank of the held-out item, as a run writes it next to its results
 * ({@code test-ranks.csv}: a header {@code user,rank}, then one line per user in user order). Any
 * metric can be recomputed from it, and runs on the same data can be paired user by user.
 *
 * @param users user ids, ascending
 * @param ranks the rank of each user's answer
 */
public record UserRanks(int[] users, long[] ranks) {


    /**
     * Writes the ranks, atomically.
     *
     * @param file the file
     * @param cases the evaluated cases
     * @param ranks the rank of each case, in case order
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, List<EvaluationCase> cases, long[] ranks) throws IOException {
        if (cases.size() != ranks.length) {
            throw new IllegalArgumentException(cases.size() + " cases but " + ranks.length + " ranks");
        }
        Integer[] order = new Integer[ranks.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Integer.compare(cases.get(a).user(), cases.get(b).user()));
        StringBuilder out = new StringBuilder(16 * ranks.length + 16).append("user,rank\n");
        for (int i : order) {
            out.append(cases.get(i).user()).append(',').append(ranks[i]).append('\n');
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /**
     * Reads a ranks file.
     *
     * @param file the file
     * @return its users and ranks
     * @throws IOException when it cannot be read, or names the line that is malformed
     */
    public static UserRanks read(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        }
        if (lines.isEmpty() || !lines.get(0).equals("user,rank")) {
            throw new IOException(file + ":1: expected the header 'user,rank'");
        }
        int[] users = new int[lines.size() - 1];
        long[] ranks = new long[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int comma = line.indexOf(',');
            try {
                users[i - 1] = Integer.parseInt(line.substring(0, comma));
                ranks[i - 1] = Long.parseLong(line.substring(comma + 1));
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'user,rank', got '" + line + "'");
            }
            if (ranks[i - 1] < 0 || (i > 1 && users[i - 1] <= users[i - 2])) {
                throw new IOException(file + ":" + (i + 1) + ": ranks must be >= 0 and users ascending, got '" + line + "'");
            }
        }
        return new UserRanks(users, ranks);
    }

    /**
     * Each user's NDCG@k: {@code 1 / log2(rank + 2)} when the rank is below k, else 0.
     *
     * @param k the cut-off
     * @return one value per user, in user order
     */
    public double[] ndcg(int k) {
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            out[i] = ranks[i] < k ? 1.0 / (Math.log(ranks[i] + 2.0) / Math.log(2.0)) : 0.0;
        }
        return out;
    }
}
