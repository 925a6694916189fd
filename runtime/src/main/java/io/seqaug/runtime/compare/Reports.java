package io.seqaug.runtime.compare;

import io.seqaug.runtime.report.AtomicFiles;
import io.seqaug.runtime.report.Csv;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a grid's reports: {@code results.csv} (one row per cell and seed), {@code summary.md}
 * (mean and standard deviation over seeds, and each augmenter's relative improvement over
 * {@code none} for the same dataset and backbone, as papers report it), and PNG charts
 * ({@code ndcg10.png}, {@code valid-ndcg20.png}).
 */
public final class Reports {

    private Reports() {}

    /**
     * Draws a tiny chart into memory. Java2D and ImageIO register JVM shutdown hooks the first time
     * they are used, which is refused once the JVM is shutting down; a grid stopped with Ctrl-C
     * draws its charts during shutdown, so it warms them up before it starts.
     */
    public static void warmUpCharts() {
        System.setProperty("java.awt.headless", "true");
        try {
            XYChart chart = new XYChartBuilder().width(8).height(8).build();
            chart.addSeries("warm-up", new double[] {0, 1}, new double[] {0, 1});
            BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            CategoryChart bars = new CategoryChartBuilder().width(8).height(8).build();
            bars.addSeries("warm-up", List.of("a"), List.of(1.0));
            BitmapEncoder.getBitmapBytes(bars, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw charts: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every report.
     *
     * @param dir the grid folder
     * @param cells finished cells
     * @param expected how many cells the grid has
     * @return the report
     */
    public static GridReport write(Path dir, List<CellResult> cells, int expected) {
        try {
            Files.createDirectories(dir);
            GridStatistics statistics = new GridStatistics(cells);
            AtomicFiles.writeString(dir.resolve("results.csv"), csv(cells, statistics));
            String summary = summary(cells, expected, statistics);
            AtomicFiles.writeString(dir.resolve("summary.md"), summary);
            AtomicFiles.writeString(dir.resolve("summary.tex"), LatexTable.render(statistics));
            if (!cells.isEmpty()) {
                System.setProperty("java.awt.headless", "true");
                AtomicFiles.write(dir.resolve("ndcg10.png"),
                        out -> BitmapEncoder.saveBitmap(barChart(cells), out, BitmapEncoder.BitmapFormat.PNG));
                AtomicFiles.write(dir.resolve("valid-ndcg20.png"),
                        out -> BitmapEncoder.saveBitmap(curves(cells), out, BitmapEncoder.BitmapFormat.PNG));
            }
            return new GridReport(dir, cells, expected, summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * One CSV row per cell and seed.
     *
     * @param cells the finished cells
     * @return the CSV text with a header row
     */
    public static String csv(List<CellResult> cells) {
        return csv(cells, new GridStatistics(cells));
    }

    /** Columns of p-values against {@code none}: raw and Holm-adjusted, t-test then Wilcoxon. */
    static final List<String> P_COLUMNS = List.of("NDCG@10", "NDCG@20");

    static String csv(List<CellResult> cells, GridStatistics statistics) {
        StringBuilder out = new StringBuilder("dataset,backbone,augmenter,seed");
        CellResult.METRICS.forEach(m -> out.append(',').append(m));
        out.append(",stage2_epochs,stage2_median_epoch_seconds");
        for (String test : List.of("t", "wilcoxon")) {
            for (String m : P_COLUMNS) {
                out.append(",p_").append(test).append('_').append(m).append(",p_").append(test).append('_').append(m)
                        .append("_holm");
            }
        }
        out.append('\n');
        for (CellResult c : cells) {
            out.append(Csv.field(c.dataset())).append(',').append(Csv.field(c.backbone())).append(',')
                    .append(Csv.field(c.augmenter())).append(',').append(c.seed());
            CellResult.METRICS.forEach(m -> out.append(',').append(String.format(Locale.ROOT, "%.6f", c.test().get(m))));
            out.append(',').append(c.epochs()).append(',').append(String.format(Locale.ROOT, "%.2f", c.secondsPerEpoch()));
            for (String m : P_COLUMNS) {
                appendP(out, statistics.tTest(c, m));
            }
            for (String m : P_COLUMNS) {
                appendP(out, statistics.wilcoxon(c, m));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendP(StringBuilder out, java.util.Optional<GridStatistics.P> p) {
        if (p.isPresent() && !Double.isNaN(p.get().raw())) {
            out.append(String.format(Locale.ROOT, ",%.6g,%.6g", p.get().raw(), p.get().holm()));
        } else {
            out.append(",,");
        }
    }

    /**
     * The Markdown summary: mean ± sample standard deviation over seeds, then the relative change
     * of each augmenter's means against {@code none} for the same dataset and backbone.
     *
     * @param cells the finished cells
     * @param expected how many cells the grid has
     * @return Markdown text
     */
    public static String summary(List<CellResult> cells, int expected) {
        return summary(cells, expected, new GridStatistics(cells));
    }

    static String summary(List<CellResult> cells, int expected, GridStatistics statistics) {
        Map<GridStatistics.Group, List<CellResult>> groups = statistics.groups();
        StringBuilder out = new StringBuilder("# Test metrics (full ranking, mean ± std over seeds)\n\n");
        if (cells.size() < expected) {
            out.append(String.format(Locale.ROOT, "%d of %d cells finished.%n%n", cells.size(), expected));
        }
        out.append("| dataset | backbone | augmenter | seeds |");
        CellResult.METRICS.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append(" s/epoch (median) |\n|---|---|---|---|");
        CellResult.METRICS.forEach(m -> out.append("---|"));
        out.append("---|\n");
        boolean anyTest = false;
        for (Map.Entry<GridStatistics.Group, List<CellResult>> e : groups.entrySet()) {
            GridStatistics.Group g = e.getKey();
            List<CellResult> runs = e.getValue();
            out.append("| ").append(g.dataset()).append(" | ").append(g.backbone()).append(" | ").append(g.augmenter())
                    .append(" | ").append(runs.size()).append(" |");
            for (String m : CellResult.METRICS) {
                double[] values = runs.stream().mapToDouble(r -> r.test().get(m)).toArray();
                String marks = (statistics.tSignificant(g, m) ? "†" : "") + (statistics.wilcoxonSignificant(g, m) ? "*" : "");
                anyTest |= statistics.tResult(g, m).isPresent() || statistics.wilcoxonWorst(g, m).isPresent();
                out.append(String.format(Locale.ROOT, " %.4f ± %.4f%s |", mean(values), std(values), marks));
            }
            out.append(String.format(Locale.ROOT, " %.1f |%n", mean(runs.stream().mapToDouble(CellResult::secondsPerEpoch).toArray())));
        }
        if (anyTest) {
            out.append(significanceSection(statistics));
        }
        out.append("\n# Relative improvement over `none` (same dataset and backbone, means over seeds; s/epoch: the mean"
                + " median stage-2 epoch time against none's)\n\n");
        out.append("| dataset | backbone | augmenter |");
        CellResult.METRICS.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append(" s/epoch |\n|---|---|---|");
        CellResult.METRICS.forEach(m -> out.append("---|"));
        out.append("---|\n");
        for (Map.Entry<GridStatistics.Group, List<CellResult>> e : groups.entrySet()) {
            GridStatistics.Group g = e.getKey();
            List<CellResult> baseline = groups.get(g.baseline());
            if (g.augmenter().equals("none") || baseline == null) {
                continue;
            }
            out.append("| ").append(g.dataset()).append(" | ").append(g.backbone()).append(" | ").append(g.augmenter()).append(" |");
            for (String m : CellResult.METRICS) {
                double base = mean(baseline.stream().mapToDouble(r -> r.test().get(m)).toArray());
                double value = mean(e.getValue().stream().mapToDouble(r -> r.test().get(m)).toArray());
                out.append(base > 0 ? String.format(Locale.ROOT, " %+.1f%% |", 100 * (value - base) / base) : " n/a |");
            }
            double baseSeconds = mean(baseline.stream().mapToDouble(CellResult::secondsPerEpoch).toArray());
            double seconds = mean(e.getValue().stream().mapToDouble(CellResult::secondsPerEpoch).toArray());
            out.append(baseSeconds > 0 ? String.format(Locale.ROOT, " %.1fx |", seconds / baseSeconds) : " n/a |");
            out.append('\n');
        }
        return out.toString();
    }

    private static String significanceSection(GridStatistics statistics) {
        StringBuilder out = new StringBuilder();
        out.append("\nMarks: better than `none` (same dataset and backbone) at p < ").append(GridStatistics.ALPHA)
                .append(" after Holm's correction over the augmenters compared with it; † two-sided paired t-test over")
                .append(" seeds (at least ").append(GridStatistics.MIN_SEEDS).append(" seeds), * two-sided Wilcoxon")
                .append(" signed-rank test over per-user NDCG, paired by user, on every seed. Below: Holm-adjusted p-values,")
                .append(" with + or - for the direction of the difference (the augmenter's mean minus none's).\n\n");
        out.append("| dataset | backbone | augmenter | t NDCG@10 | t NDCG@20 | Wilcoxon NDCG@10 (worst seed) |")
                .append(" Wilcoxon NDCG@20 (worst seed) |\n|---|---|---|---|---|---|---|\n");
        for (GridStatistics.Group g : statistics.groups().keySet()) {
            if (g.augmenter().equals("none") || !statistics.groups().containsKey(g.baseline())) {
                continue;
            }
            out.append("| ").append(g.dataset()).append(" | ").append(g.backbone()).append(" | ").append(g.augmenter()).append(" |");
            for (String m : P_COLUMNS) {
                out.append(' ').append(formatP(statistics.tResult(g, m))).append(" |");
            }
            for (String m : P_COLUMNS) {
                out.append(' ').append(formatP(statistics.wilcoxonWorst(g, m))).append(" |");
            }
            out.append('\n');
        }
        out.append("\nRaw and adjusted p-values of every seed are in `results.csv`; n/a: too few seeds, or no per-user ranks.\n");
        return out.toString();
    }

    private static String formatP(java.util.Optional<GridStatistics.P> p) {
        if (p.isEmpty() || Double.isNaN(p.get().holm())) {
            return "n/a";
        }
        double v = p.get().holm();
        String sign = p.get().difference() > 0 ? " (+)" : p.get().difference() < 0 ? " (-)" : "";
        return (v < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", v)) + sign;
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Sample standard deviation; 0 for a single value. */
    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    /** Colours of the augmenters the project ships; any other gets one from its name. */
    private static final Map<String, java.awt.Color> KNOWN_COLOURS = Map.of("none", new java.awt.Color(0x7f7f7f),
            "basrec", new java.awt.Color(0xd62728), "coserec", new java.awt.Color(0x1f77b4));
    private static final java.awt.Color[] PALETTE = {new java.awt.Color(0x2ca02c), new java.awt.Color(0xff7f0e),
        new java.awt.Color(0x9467bd), new java.awt.Color(0x8c564b), new java.awt.Color(0xe377c2), new java.awt.Color(0x17becf),
        new java.awt.Color(0xbcbd22), new java.awt.Color(0x393b79)};

    /**
     * The colour of an augmenter in every chart of every grid: fixed for the shipped ones, from a
     * hash of the name for the others.
     *
     * @param augmenter the augmenter's name
     * @return its colour
     */
    static java.awt.Color colour(String augmenter) {
        java.awt.Color known = KNOWN_COLOURS.get(augmenter);
        return known != null ? known : PALETTE[Math.floorMod(augmenter.hashCode(), PALETTE.length)];
    }

    private static CategoryChart barChart(List<CellResult> cells) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500)
                .title("Test NDCG@10 (mean over seeds, error bars: std)").xAxisTitle("dataset / backbone").yAxisTitle("NDCG@10")
                .build();
        chart.getStyler().setLabelsVisible(true).setLabelsRotation(90).setLabelsPosition(0.5);
        chart.getStyler().setDecimalPattern("0.0000");
        chart.getStyler().setErrorBarsColor(java.awt.Color.BLACK);
        Set<String> columns = new LinkedHashSet<>();
        Set<String> augmenters = new LinkedHashSet<>();
        for (CellResult c : cells) {
            columns.add(c.dataset() + " / " + c.backbone());
            augmenters.add(c.augmenter());
        }
        List<String> x = new ArrayList<>(columns);
        for (String augmenter : augmenters) {
            List<Double> y = new ArrayList<>();
            List<Double> error = new ArrayList<>();
            for (String column : x) {
                double[] values = cells.stream().filter(c -> c.augmenter().equals(augmenter)
                        && (c.dataset() + " / " + c.backbone()).equals(column)).mapToDouble(c -> c.test().get("NDCG@10"))
                        .toArray();
                y.add(values.length == 0 ? 0.0 : mean(values));
                error.add(std(values));
            }
            chart.addSeries(augmenter, x, y, error).setFillColor(colour(augmenter));
        }
        return chart;
    }

    private record Curve(String dataset, String backbone, String augmenter) {}

    private static XYChart curves(List<CellResult> cells) {
        XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("Validation NDCG@20 per stage-2 epoch (mean over seeds, band: std)").xAxisTitle("epoch")
                .yAxisTitle("NDCG@20").build();
        chart.getStyler().setMarkerSize(0);
        Map<Curve, List<List<Double>>> curves = new LinkedHashMap<>();
        for (CellResult c : cells) {
            if (!c.validCurve().isEmpty()) {
                curves.computeIfAbsent(new Curve(c.dataset(), c.backbone(), c.augmenter()), k -> new ArrayList<>())
                        .add(c.validCurve());
            }
        }
        Set<String> datasetsAndBackbones = new LinkedHashSet<>();
        curves.keySet().forEach(k -> datasetsAndBackbones.add(k.dataset() + " " + k.backbone()));
        boolean prefix = datasetsAndBackbones.size() > 1;
        for (Map.Entry<Curve, List<List<Double>>> e : curves.entrySet()) {
            Curve k = e.getKey();
            int length = e.getValue().stream().mapToInt(List::size).max().orElse(0);
            List<Integer> x = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            List<Double> low = new ArrayList<>();
            List<Double> high = new ArrayList<>();
            for (int epoch = 0; epoch < length; epoch++) {
                int at = epoch;
                double[] values = e.getValue().stream().filter(v -> v.size() > at).mapToDouble(v -> v.get(at)).toArray();
                double m = mean(values);
                double sd = std(values);
                x.add(epoch);
                mean.add(m);
                low.add(m - sd);
                high.add(m + sd);
            }
            java.awt.Color colour = colour(k.augmenter());
            String name = (prefix ? k.dataset() + " " + k.backbone() + " " : "") + k.augmenter();
            if (e.getValue().size() > 1) {
                List<Integer> bandX = new ArrayList<>(x);
                List<Double> bandY = new ArrayList<>(high);
                for (int i = x.size() - 1; i >= 0; i--) {
                    bandX.add(x.get(i));
                    bandY.add(low.get(i));
                }
                var band = chart.addSeries(name + " (std)", bandX, bandY);
                band.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(new java.awt.Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 50));
                band.setLineColor(new java.awt.Color(0, 0, 0, 0));
                band.setShowInLegend(false);
            }
            var line = chart.addSeries(name, x, mean);
            line.setLineColor(colour);
            line.setMarkerColor(colour);
        }
        return chart;
    }
}
