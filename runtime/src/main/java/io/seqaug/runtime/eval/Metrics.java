package io.seqaug.runtime.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full-ranking metrics averaged over users.
 *
 * @param users number of users evaluated
 * @param hr5 hit ratio at 5
 * @param ndcg5 NDCG at 5
 * @param hr10 hit ratio at 10
 * @param ndcg10 NDCG at 10
 * @param hr20 hit ratio at 20
 * @param ndcg20 NDCG at 20
 */
public record Metrics(int users, double hr5, double ndcg5, double hr10, double ndcg10, double hr20, double ndcg20) {

    /** The cut-offs reported, as in the published protocol. */
    public static final int[] KS = {5, 10, 20};

    /**
     * Metrics from 0-based ranks of each user's answer among the unmasked items.
     *
     * @param ranks one rank per user; a rank of 20 or more is a miss at every K
     * @return the averages
     */
    public static Metrics fromRanks(long[] ranks) {
        double[] hr = new double[3];
        double[] ndcg = new double[3];
        for (long rank : ranks) {
            for (int k = 0; k < KS.length; k++) {
                if (rank < KS[k]) {
                    hr[k] += 1;
                    ndcg[k] += 1.0 / (Math.log(rank + 2.0) / Math.log(2.0));
                }
            }
        }
        int n = ranks.length;
        double d = Math.max(1, n);
        return new Metrics(n, hr[0] / d, ndcg[0] / d, hr[1] / d, ndcg[1] / d, hr[2] / d, ndcg[2] / d);
    }

    /**
     * The metrics by name, in report order.
     *
     * @return {@code HR@5, NDCG@5, ..., NDCG@20}
     */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("HR@5", hr5);
        m.put("NDCG@5", ndcg5);
        m.put("HR@10", hr10);
        m.put("NDCG@10", ndcg10);
        m.put("HR@20", hr20);
        m.put("NDCG@20", ndcg20);
        return m;
    }

    @Override
    public String toString() {
        return format(4);
    }

    /**
     * The six metrics on one line.
     *
     * @param digits decimals per value
     * @return {@code HR@5 x NDCG@5 x HR@10 x NDCG@10 x HR@20 x NDCG@20 x}
     */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(java.util.Locale.ROOT, "HR@5 " + f + " NDCG@5 " + f + " HR@10 " + f + " NDCG@10 " + f
                + " HR@20 " + f + " NDCG@20 " + f, hr5, ndcg5, hr10, ndcg10, hr20, ndcg20);
    }
}
