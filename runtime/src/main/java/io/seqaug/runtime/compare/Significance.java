package io.seqaug.runtime.compare;

import io.seqaug.runtime.eval.UserRanks;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * The significance tests of a grid's reports, from Apache Commons Statistics: a two-sided paired
 * t-test over seeds, a two-sided Wilcoxon signed-rank test over users (pairs with equal values are
 * dropped, as in Wilcoxon's original procedure; large samples use the normal approximation with
 * the tie correction), and Holm's step-down correction for several comparisons.
 */
public final class Significance {

    private Significance() {}

    /**
     * Two-sided paired t-test.
     *
     * @param a one value per seed
     * @param b the paired values, same seeds in the same order
     * @return the p-value; NaN with fewer than 2 pairs or when every difference is the same
     */
    public static double pairedT(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " values paired with " + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] d = new double[a.length];
        Arrays.setAll(d, i -> a[i] - b[i]);
        if (Arrays.stream(d).allMatch(x -> x == d[0])) {
            return Double.NaN;
        }
        return TTest.withDefaults().pairedTest(a, b).getPValue();
    }

    /**
     * Two-sided Wilcoxon signed-rank test of paired values; pairs with a zero difference are dropped.
     *
     * @param a one value per subject
     * @param b the paired values
     * @return the p-value; 1 when no pair differs
     */
    public static double wilcoxon(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " values paired with " + b.length);
        }
        double[] d = new double[a.length];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                d[n++] = a[i] - b[i];
            }
        }
        if (n == 0) {
            return 1.0;
        }
        return WilcoxonSignedRankTest.withDefaults().test(Arrays.copyOf(d, n)).getPValue();
    }

    /**
     * Wilcoxon signed-rank test of per-user NDCG@k between two runs on the same data, paired by user.
     *
     * @param a one run's test ranks
     * @param b the other's
     * @param k the cut-off
     * @return the p-value
     * @throws IllegalArgumentException when the two runs did not test the same users
     */
    public static double wilcoxonNdcg(UserRanks a, UserRanks b, int k) {
        if (!Arrays.equals(a.users(), b.users())) {
            throw new IllegalArgumentException("the two runs tested different users");
        }
        return wilcoxon(a.ndcg(k), b.ndcg(k));
    }

    /**
     * Holm's step-down adjustment: the i-th smallest of m p-values is multiplied by (m - i), running
     * maxima keep the order, and nothing exceeds 1. NaN values are left out of the family.
     *
     * @param p raw p-values
     * @return adjusted p-values, in the same order
     */
    public static double[] holm(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted((x, y) -> Double.compare(p[x], p[y])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1.0, (m - i) * p[order[i]]));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }
}
