package io.seqaug.runtime.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seqaug.datasets.EvaluationCase;
import io.seqaug.runtime.eval.UserRanks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-made grid of 3 seeds: basrec is better than none on every seed and every user, coserec is
 * not. The reports must mark exactly that, and the LaTeX table must be exactly what is written here.
 */
class SignificanceReportTest {

    @TempDir
    Path dir;

    @Test
    void theSummaryMarksTheTableAndTheLatexIsExact() throws IOException {
        List<CellResult> cells = new ArrayList<>();
        double[][] values = {{0.0300, 0.0310, 0.0320}, {0.0400, 0.0420, 0.0410}, {0.0330, 0.0290, 0.0340}};
        String[] augmenters = {"none", "basrec", "coserec"};
        for (int a = 0; a < 3; a++) {
            for (int seed = 1; seed <= 3; seed++) {
                // 30 users: basrec ranks every answer first, the others 16th
                Path ranks = dir.resolve(augmenters[a] + "-" + seed + ".csv");
                long[] r = new long[30];
                Arrays.fill(r, augmenters[a].equals("basrec") ? 0 : 15);
                List<EvaluationCase> cases = new ArrayList<>();
                for (int u = 0; u < 30; u++) {
                    cases.add(new EvaluationCase(u + 1, new int[] {1}, 2, new int[] {1}));
                }
                UserRanks.write(ranks, cases, r);
                Map<String, Double> test = new LinkedHashMap<>();
                for (String m : CellResult.METRICS) {
                    test.put(m, values[a][seed - 1]);
                }
                cells.add(new CellResult("beauty", "sasrec", augmenters[a], seed, test, 1.0, 2, List.of(0.01, 0.02),
                        Optional.of(ranks)));
            }
        }
        GridReport report = Reports.write(dir.resolve("grid"), cells, 9);
        assertThat(report.summary()).contains("| beauty | sasrec | basrec | 3 | 0.0410 ± 0.0010† |")
                .contains(" 0.0410 ± 0.0010†* |")
                .contains("| beauty | sasrec | coserec | 3 | 0.0320 ± 0.0026 |")
                .contains("| beauty | sasrec | basrec | 0.0066 (+) | 0.0066 (+) | <0.0001 (+) | <0.0001 (+) |")
                .contains("| beauty | sasrec | coserec | 0.5799 (+) | 0.5799 (+) | 1.0000 | 1.0000 |")
                .contains("Holm's correction");
        String csv = Files.readString(dir.resolve("grid/results.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(
                ",p_t_NDCG@10,p_t_NDCG@10_holm,p_t_NDCG@20,p_t_NDCG@20_holm,p_wilcoxon_NDCG@10,p_wilcoxon_NDCG@10_holm,"
                        + "p_wilcoxon_NDCG@20,p_wilcoxon_NDCG@20_holm");
        // none has no p-values; basrec's t-test p is the same on every seed's row
        assertThat(csv.lines().filter(l -> l.contains(",none,")).findFirst().orElseThrow()).endsWith(",,,,,,,,");
        assertThat(csv.lines().filter(l -> l.contains(",basrec,")).map(l -> l.split(",")[12]).distinct()).hasSize(1);

        assertThat(Files.readString(dir.resolve("grid/summary.tex"))).isEqualTo("""
                % Written by seqaug from the finished cells of the grid; needs \\usepackage{booktabs}.
                \\begin{table}[t]
                \\centering
                \\caption{Test metrics (full ranking), mean over seeds. Per dataset and backbone, the best value is in \
                bold and the second best underlined. $^{\\dagger}$: paired t-test over seeds, $^{*}$: Wilcoxon signed-rank \
                test over users (every seed); $p<0.05$ against none after Holm's correction.}
                \\label{tab:seqaug}
                \\begin{tabular}{lllcccccc}
                \\toprule
                Dataset & Backbone & Method & HR@5 & NDCG@5 & HR@10 & NDCG@10 & HR@20 & NDCG@20 \\\\
                \\midrule
                beauty & sasrec & none & 0.0310 & 0.0310 & 0.0310 & 0.0310 & 0.0310 & 0.0310 \\\\
                 & & basrec & \\textbf{0.0410}$^{\\dagger}$ & \\textbf{0.0410}$^{\\dagger}$ & \\textbf{0.0410}$^{\\dagger}$ \
                & \\textbf{0.0410}$^{\\dagger*}$ & \\textbf{0.0410}$^{\\dagger}$ & \\textbf{0.0410}$^{\\dagger*}$ \\\\
                 & & coserec & \\underline{0.0320} & \\underline{0.0320} & \\underline{0.0320} & \\underline{0.0320} \
                & \\underline{0.0320} & \\underline{0.0320} \\\\
                 & & Improv. & +32.3\\% & +32.3\\% & +32.3\\% & +32.3\\% & +32.3\\% & +32.3\\% \\\\
                \\bottomrule
                \\end{tabular}
                \\end{table}
                """);
        assertThat(LatexTable.escape("a_b & 50%")).isEqualTo("a\\_b \\& 50\\%");
    }

    @Test
    void aRanksFileOfOtherUsersStopsTheReportInsteadOfShrinkingTheTests() throws IOException {
        List<CellResult> cells = new ArrayList<>();
        for (String augmenter : new String[] {"none", "basrec"}) {
            // basrec's file lost its last ten users
            int users = augmenter.equals("none") ? 30 : 20;
            List<EvaluationCase> cases = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                cases.add(new EvaluationCase(u + 1, new int[] {1}, 2, new int[] {1}));
            }
            Path ranks = dir.resolve(augmenter + ".csv");
            UserRanks.write(ranks, cases, new long[users]);
            Map<String, Double> test = new LinkedHashMap<>();
            CellResult.METRICS.forEach(m -> test.put(m, 0.03));
            cells.add(new CellResult("beauty", "sasrec", augmenter, 1, test, 1.0, 2, List.of(), Optional.of(ranks)));
        }
        assertThatThrownBy(() -> new GridStatistics(cells)).isInstanceOf(IllegalStateException.class)
                .hasMessage(dir.resolve("basrec.csv") + " holds 20 users' test ranks and " + dir.resolve("none.csv") + " 30, not the "
                        + "same users: the two runs cannot be compared user by user; rerun the cell whose file is wrong");
    }

    @Test
    void theRelativeTableSetsEachMethodsEpochTimeAgainstNones() {
        List<CellResult> cells = new ArrayList<>();
        double[][] seconds = {{3.0, 1.0}, {4.0, 6.0}};
        String[] augmenters = {"none", "slow"};
        for (int a = 0; a < 2; a++) {
            for (int seed = 1; seed <= 2; seed++) {
                Map<String, Double> test = new LinkedHashMap<>();
                double value = a == 0 ? 0.0400 : 0.0500;
                CellResult.METRICS.forEach(m -> test.put(m, value));
                cells.add(new CellResult("beauty", "sasrec", augmenters[a], seed, test, seconds[a][seed - 1], 2, List.of()));
            }
        }
        // none 2.0 s on average, slow 5.0 s
        assertThat(Reports.summary(cells, 4)).contains("| dataset | backbone | augmenter | HR@5 |")
                .contains(" NDCG@20 | s/epoch |\n|---|---|---|---|---|---|---|---|---|---|\n")
                .contains("| beauty | sasrec | slow | +25.0% | +25.0% | +25.0% | +25.0% | +25.0% | +25.0% | 2.5x |\n");
    }

    @Test
    void aSignificantlyWorseAugmenterGetsNoMarkButItsDirection() throws IOException {
        List<CellResult> cells = new ArrayList<>();
        double[][] values = {{0.0400, 0.0420, 0.0410}, {0.0300, 0.0310, 0.0320}};
        String[] augmenters = {"none", "worse"};
        for (int a = 0; a < 2; a++) {
            for (int seed = 1; seed <= 3; seed++) {
                Map<String, Double> test = new LinkedHashMap<>();
                for (String m : CellResult.METRICS) {
                    test.put(m, values[a][seed - 1]);
                }
                cells.add(new CellResult("beauty", "sasrec", augmenters[a], seed, test, 1.0, 2, List.of()));
            }
        }
        String summary = Reports.summary(cells, 6);
        assertThat(summary).contains("| beauty | sasrec | worse | 3 | 0.0310 ± 0.0010 |")
                .contains("| beauty | sasrec | worse | 0.0033 (-) | 0.0033 (-) | n/a | n/a |").doesNotContain("0.0010†");
    }
}
