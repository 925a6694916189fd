package io.seqaug.runtime.compare;

import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.experiment.RunRecord;
import io.seqaug.runtime.report.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The report of a grid's sweeps ({@code grid.sweep}): per dataset, backbone and swept method, the
 * setting chosen by mean validation NDCG@20 over seeds and the test metrics of that choice; the other
 * settings' test metrics are listed beside their validation but never used to choose. A sensitivity
 * chart per swept key ({@code sensitivity-<method>-<key>.png}) shows validation and test NDCG@20 against
 * the key's values, the other keys held at the chosen setting, mean and standard deviation over seeds.
 */
final class SweepReport {

    private SweepReport() {}

    /** One point of a sweep with its finished seeds. */
    private record Point(GridSpec.Variant variant, List<Double> valid, List<Double> test, List<RunRecord> records) {}

    /**
     * Writes {@code sweep.md} and the charts, when the grid has sweeps and some of their cells finished.
     *
     * @param plan the grid
     * @return the markdown written, or empty text without sweeps
     */
    static String write(GridPlan plan) {
        List<GridSpec.Variant> swept = plan.grid().variants().stream().filter(v -> v.swept().isPresent()).toList();
        if (swept.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("# Sweeps\n\nEach method's setting is chosen by mean validation NDCG@20 over"
                + " seeds; test metrics of the other settings are listed, never used to choose.\n");
        Map<String, Map<String, Point>> groups = new LinkedHashMap<>();
        for (GridPlan.Job job : plan.jobs()) {
            if (job.stage1()) {
                continue;
            }
            plan.grid().variant(job.augmenter()).filter(v -> v.swept().isPresent()).ifPresent(v -> {
                String group = job.dataset() + " / " + job.backbone() + " / " + v.swept().get().method();
                Point point = groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).computeIfAbsent(v.name(),
                        n -> new Point(v, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                new RunFolder(job.directory()).finished().ifPresent(r -> {
                    point.valid().add(r.valid().getOrDefault("NDCG@20", Double.NaN));
                    point.test().add(r.test().getOrDefault("NDCG@20", Double.NaN));
                    point.records().add(r);
                });
            });
        }
        for (Map.Entry<String, Map<String, Point>> group : groups.entrySet()) {
            List<Point> points = new ArrayList<>(group.getValue().values());
            List<String> keys = new ArrayList<>(points.get(0).variant().swept().get().values().keySet());
            Point chosen = null;
            for (Point p : points) {
                if (!p.valid().isEmpty() && (chosen == null || mean(p.valid()) > mean(chosen.valid()))) {
                    chosen = p;
                }
            }
            md.append("\n## ").append(group.getKey()).append("\n\n");
            md.append("| ").append(String.join(" | ", keys)).append(" | seeds | valid NDCG@20 | test NDCG@20 | test HR@20 | |\n");
            md.append("|").append("---|".repeat(keys.size() + 5)).append('\n');
            for (Point p : points) {
                boolean isChosen = p == chosen;
                for (String key : keys) {
                    md.append("| ").append(p.variant().swept().get().values().get(key)).append(' ');
                }
                md.append("| ").append(p.valid().size()).append(" | ").append(meanStd(p.valid())).append(" | ")
                        .append(isChosen ? "**" + meanStd(p.test()) + "**" : meanStd(p.test())).append(" | ")
                        .append(meanStd(p.records().stream().map(r -> r.test().getOrDefault("HR@20", Double.NaN)).toList()))
                        .append(isChosen ? " | chosen |" : " | |").append('\n');
            }
            if (chosen == null) {
                md.append("\nNo setting has finished yet.\n");
                continue;
            }
            md.append("\nChosen on validation: ").append(chosen.variant().swept().get().values()).append(" (").append(chosen
                    .variant().name()).append("), test NDCG@20 ").append(meanStd(chosen.test())).append(".\n");
            for (String key : keys) {
                chart(plan.directory(), group.getKey(), key, points, chosen);
            }
        }
        try {
            AtomicFiles.writeString(plan.directory().resolve("sweep.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + plan.directory().resolve("sweep.md") + ": " + e.getMessage(), e);
        }
        return md.toString();
    }

    /** Validation and test NDCG@20 against one key's values, the other keys at the chosen setting. */
    private static void chart(Path dir, String group, String key, List<Point> points, Point chosen) {
        Map<String, Object> at = chosen.variant().swept().get().values();
        List<double[]> rows = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> values = p.variant().swept().get().values();
            boolean slice = at.keySet().stream().allMatch(k -> k.equals(key) || Objects.equals(values.get(k), at.get(k)));
            if (!slice || p.valid().isEmpty() || !(values.get(key) instanceof Number x)) {
                continue;
            }
            rows.add(new double[] {x.doubleValue(), mean(p.valid()), std(p.valid()), mean(p.test()), std(p.test())});
        }
        if (rows.size() < 2) {
            return;
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        XYChart chart = new XYChartBuilder().width(640).height(400).title(group + ": " + key).xAxisTitle(key)
                .yAxisTitle("NDCG@20").build();
        XYSeries valid = chart.addSeries("validation", x, rows.stream().mapToDouble(r -> r[1]).toArray(),
                rows.stream().mapToDouble(r -> r[2]).toArray());
        XYSeries test = chart.addSeries("test", x, rows.stream().mapToDouble(r -> r[3]).toArray(),
                rows.stream().mapToDouble(r -> r[4]).toArray());
        valid.setMarkerColor(java.awt.Color.BLUE);
        test.setMarkerColor(java.awt.Color.RED);
        String file = "sensitivity-" + group.replaceAll("[^A-Za-z0-9.]+", "-") + "-" + key.substring(key.lastIndexOf('.') + 1)
                + ".png";
        try {
            System.setProperty("java.awt.headless", "true");
            AtomicFiles.write(dir.resolve(file), out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    private static double mean(List<Double> v) {
        return Reports.mean(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double std(List<Double> v) {
        return Reports.std(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String meanStd(List<Double> v) {
        if (v.isEmpty()) {
            return "-";
        }
        return v.size() < 2 ? String.format(Locale.ROOT, "%.4f", mean(v))
                : String.format(Locale.ROOT, "%.4f ± %.4f", mean(v), std(v));
    }
}
