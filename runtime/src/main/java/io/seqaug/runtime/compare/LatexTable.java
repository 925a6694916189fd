package io.seqaug.runtime.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grid's test metrics as a booktabs table ({@code summary.tex}), laid out as papers in this
 * field print them: one block of rows per dataset and backbone, the best mean of each column in
 * bold and the second underlined, significance marks against {@code none}, and an
 * {@code Improv.} row with the best augmenter's relative change over {@code none}.
 */
final class LatexTable {

    private LatexTable() {}

    static String render(GridStatistics statistics) {
        Map<GridStatistics.Group, List<CellResult>> groups = statistics.groups();
        StringBuilder out = new StringBuilder();
        out.append("% Written by seqaug from the finished cells of the grid; needs \\usepackage{booktabs}.\n");
        out.append("\\begin{table}[t]\n\\centering\n");
        out.append("\\caption{Test metrics (full ranking), mean over seeds. Per dataset and backbone, the best value is in ")
                .append("bold and the second best underlined. $^{\\dagger}$: paired t-test over seeds, $^{*}$: Wilcoxon ")
                .append("signed-rank test over users (every seed); $p<").append(GridStatistics.ALPHA)
                .append("$ against none after Holm's correction.}\n");
        out.append("\\label{tab:seqaug}\n\\begin{tabular}{lll").append("c".repeat(CellResult.METRICS.size())).append("}\n");
        out.append("\\toprule\nDataset & Backbone & Method");
        CellResult.METRICS.forEach(m -> out.append(" & ").append(m));
        out.append(" \\\\\n");
        List<List<GridStatistics.Group>> blocks = new ArrayList<>();
        for (GridStatistics.Group g : groups.keySet()) {
            List<GridStatistics.Group> block = blocks.stream().filter(b -> b.get(0).dataset().equals(g.dataset())
                    && b.get(0).backbone().equals(g.backbone())).findFirst().orElse(null);
            if (block == null) {
                block = new ArrayList<>();
                blocks.add(block);
            }
            block.add(g);
        }
        for (List<GridStatistics.Group> block : blocks) {
            out.append("\\midrule\n");
            Map<String, double[]> ordered = new java.util.HashMap<>();
            for (String m : CellResult.METRICS) {
                double[] means = block.stream().mapToDouble(g -> mean(groups.get(g), m)).distinct()
                        .map(x -> -x).sorted().map(x -> -x).toArray();
                ordered.put(m, means);
            }
            boolean first = true;
            for (GridStatistics.Group g : block) {
                out.append(first ? escape(g.dataset()) + " & " + escape(g.backbone()) : " &")
                        .append(" & ").append(escape(g.augmenter()));
                first = false;
                for (String m : CellResult.METRICS) {
                    double value = mean(groups.get(g), m);
                    String text = String.format(Locale.ROOT, "%.4f", value);
                    double[] best = ordered.get(m);
                    if (block.size() > 1 && value == best[0]) {
                        text = "\\textbf{" + text + "}";
                    } else if (block.size() > 2 && best.length > 1 && value == best[1]) {
                        text = "\\underline{" + text + "}";
                    }
                    String marks = (statistics.tSignificant(g, m) ? "\\dagger" : "")
                            + (statistics.wilcoxonSignificant(g, m) ? "*" : "");
                    out.append(" & ").append(text).append(marks.isEmpty() ? "" : "$^{" + marks + "}$");
                }
                out.append(" \\\\\n");
            }
            GridStatistics.Group none = block.get(0).baseline();
            if (groups.containsKey(none) && block.size() > 1) {
                out.append(" & & Improv.");
                for (String m : CellResult.METRICS) {
                    double base = mean(groups.get(none), m);
                    double bestOther = block.stream().filter(g -> !g.equals(none)).mapToDouble(g -> mean(groups.get(g), m))
                            .max().orElse(Double.NaN);
                    out.append(" & ").append(base > 0 ? String.format(Locale.ROOT, "%+.1f\\%%", 100 * (bestOther - base) / base)
                            : "--");
                }
                out.append(" \\\\\n");
            }
        }
        out.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        return out.toString();
    }

    private static double mean(List<CellResult> runs, String metric) {
        return runs.stream().mapToDouble(r -> r.test().get(metric)).average().orElse(Double.NaN);
    }

    /** Escapes the characters LaTeX treats specially in text. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
