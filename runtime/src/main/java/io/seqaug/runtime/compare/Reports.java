package io.seqaug.runtime.compare;

import io.seqaug.runtime.report.AtomicFiles;
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
import java.util.stream.IntStream;

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
            AtomicFiles.writeString(dir.resolve("results.csv"), csv(cells));
            String summary = summary(cells, expected);
            AtomicFiles.writeString(dir.resolve("summary.md"), summary);
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

    /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * One CSV row per cell and seed.
     *
     * @param cells the finished cells
     * @return the CSV text with a header row
     */
    public static String csv(List<CellResult> cells) {
        StringBuilder out = new StringBuilder("dataset,backbone,augmenter,seed");
        CellResult.METRICS.forEach(m -> out.append(',').append(m));
        out.append(",stage2_epochs,stage2_seconds_per_epoch\n");
        for (CellResult c : cells) {
            out.append(csvField(c.dataset())).append(',').append(csvField(c.backbone())).append(',')
                    .append(csvField(c.augmenter())).append(',').append(c.seed());
            CellResult.METRICS.forEach(m -> out.append(',').append(String.format(Locale.ROOT, "%.6f", c.test().get(m))));
            out.append(',').append(c.epochs()).append(',').append(String.format(Locale.ROOT, "%.2f", c.secondsPerEpoch()))
                    .append('\n');
        }
        return out.toString();
    }

    private record Group(String dataset, String backbone, String augmenter) {}

    /**
     * The Markdown summary: mean ± sample standard deviation over seeds, then the relative change
     * of each augmenter's means against {@code none} for the same dataset and backbone.
     *
     * @param cells the finished cells
     * @param expected how many cells the grid has
     * @return Markdown text
     */
    public static String summary(List<CellResult> cells, int expected) {
        Map<Group, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult c : cells) {
            groups.computeIfAbsent(new Group(c.dataset(), c.backbone(), c.augmenter()), g -> new ArrayList<>()).add(c);
        }
        StringBuilder out = new StringBuilder("# Test metrics (full ranking, mean ± std over seeds)\n\n");
        if (cells.size() < expected) {
            out.append(String.format(Locale.ROOT, "%d of %d cells finished.%n%n", cells.size(), expected));
        }
        out.append("| dataset | backbone | augmenter | seeds |");
        CellResult.METRICS.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append(" s/epoch |\n|---|---|---|---|");
        CellResult.METRICS.forEach(m -> out.append("---|"));
        out.append("---|\n");
        for (Map.Entry<Group, List<CellResult>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<CellResult> runs = e.getValue();
            out.append("| ").append(g.dataset()).append(" | ").append(g.backbone()).append(" | ").append(g.augmenter())
                    .append(" | ").append(runs.size()).append(" |");
            for (String m : CellResult.METRICS) {
                double[] values = runs.stream().mapToDouble(r -> r.test().get(m)).toArray();
                out.append(String.format(Locale.ROOT, " %.4f ± %.4f |", mean(values), std(values)));
            }
            out.append(String.format(Locale.ROOT, " %.1f |%n", mean(runs.stream().mapToDouble(CellResult::secondsPerEpoch).toArray())));
        }
        out.append("\n# Relative improvement over `none` (same dataset and backbone, means over seeds)\n\n");
        out.append("| dataset | backbone | augmenter |");
        CellResult.METRICS.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append("\n|---|---|---|");
        CellResult.METRICS.forEach(m -> out.append("---|"));
        out.append('\n');
        for (Map.Entry<Group, List<CellResult>> e : groups.entrySet()) {
            Group g = e.getKey();
            List<CellResult> baseline = groups.get(new Group(g.dataset(), g.backbone(), "none"));
            if (g.augmenter().equals("none") || baseline == null) {
                continue;
            }
            out.append("| ").append(g.dataset()).append(" | ").append(g.backbone()).append(" | ").append(g.augmenter()).append(" |");
            for (String m : CellResult.METRICS) {
                double base = mean(baseline.stream().mapToDouble(r -> r.test().get(m)).toArray());
                double value = mean(e.getValue().stream().mapToDouble(r -> r.test().get(m)).toArray());
                out.append(base > 0 ? String.format(Locale.ROOT, " %+.1f%% |", 100 * (value - base) / base) : " n/a |");
            }
            out.append('\n');
        }
        return out.toString();
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

    private static CategoryChart barChart(List<CellResult> cells) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(500).title("Test NDCG@10 (mean over seeds)")
                .xAxisTitle("dataset / backbone").yAxisTitle("NDCG@10").build();
        Set<String> columns = new LinkedHashSet<>();
        Set<String> augmenters = new LinkedHashSet<>();
        for (CellResult c : cells) {
            columns.add(c.dataset() + " / " + c.backbone());
            augmenters.add(c.augmenter());
        }
        List<String> x = new ArrayList<>(columns);
        for (String augmenter : augmenters) {
            List<Double> y = new ArrayList<>();
            for (String column : x) {
                double[] values = cells.stream().filter(c -> c.augmenter().equals(augmenter)
                        && (c.dataset() + " / " + c.backbone()).equals(column)).mapToDouble(c -> c.test().get("NDCG@10"))
                        .toArray();
                y.add(values.length == 0 ? 0.0 : mean(values));
            }
            chart.addSeries(augmenter, x, y);
        }
        return chart;
    }

    private static XYChart curves(List<CellResult> cells) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Validation NDCG@20 per stage-2 epoch")
                .xAxisTitle("epoch").yAxisTitle("NDCG@20").build();
        for (CellResult c : cells) {
            if (c.validCurve().isEmpty()) {
                continue;
            }
            List<Integer> x = IntStream.range(0, c.validCurve().size()).boxed().toList();
            chart.addSeries(c.dataset() + " " + c.backbone() + " " + c.augmenter() + " s" + c.seed(), x, c.validCurve());
        }
        return chart;
    }
}
