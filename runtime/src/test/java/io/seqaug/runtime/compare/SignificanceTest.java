package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seqaug.runtime.eval.UserRanks;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void pairedTTestMatchesStudentsSleepData() {
        // Cushny and Peebles' sleep data as analysed by Student (1908); R: t.test(extra ~ group, data = sleep,
        // paired = TRUE) gives t = -4.0621, df = 9, p-value = 0.002833.
        double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        assertThat(Significance.pairedT(drug1, drug2)).isCloseTo(0.002833, within(5e-6));
        assertThat(Significance.pairedT(new double[] {1}, new double[] {2})).isNaN();
        assertThat(Significance.pairedT(new double[] {1, 2, 3}, new double[] {0, 1, 2})).isNaN();
    }

    @Test
    void wilcoxonMatchesHollanderAndWolfesDepressionExample() {
        // Hollander & Wolfe (1973), p. 29: V = 40, one-sided exact p = 10/512, so two-sided 20/512.
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        assertThat(Significance.wilcoxon(x, y)).isCloseTo(20.0 / 512, within(1e-12));
    }

    @Test
    void wilcoxonDropsTiedPairsAndSeesNoDifferenceInIdenticalRuns() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30, 0, 0, 0};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29, 0, 0, 0};
        assertThat(Significance.wilcoxon(x, y)).isCloseTo(20.0 / 512, within(1e-12));
        assertThat(Significance.wilcoxon(new double[] {0.5, 0, 1}, new double[] {0.5, 0, 1})).isEqualTo(1.0);
    }

    @Test
    void perUserNdcgIsPairedByUser() {
        UserRanks a = new UserRanks(new int[] {1, 2, 3}, new long[] {0, 9, 30});
        assertThat(a.ndcg(10)).containsExactly(1.0, 1.0 / (Math.log(11) / Math.log(2)), 0.0);
        assertThat(Significance.wilcoxonNdcg(a, a, 10)).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Significance.wilcoxonNdcg(a,
                new UserRanks(new int[] {1, 2, 4}, new long[] {0, 9, 30}), 10)).hasMessageContaining("different users");
    }

    @Test
    void holmMatchesRsPAdjust() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        assertThat(Significance.holm(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
        assertThat(Significance.holm(new double[] {0.2, Double.NaN, 0.9})).containsExactly(new double[] {0.4, Double.NaN, 0.9},
                within(1e-12));
    }
}
