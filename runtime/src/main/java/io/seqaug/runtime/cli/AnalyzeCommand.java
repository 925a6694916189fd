package io.seqaug.runtime.cli;

import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.experiment.AugmentationAnalysis;
import io.seqaug.runtime.report.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seqaug analyze}: measurements of a trained model. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyses with a trained model.",
        subcommands = {AnalyzeCommand.Augmentation.class, picocli.CommandLine.HelpCommand.class})
final class AnalyzeCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code seqaug analyze augmentation}: relevance and diversity of augmented samples. */
    @Command(name = "augmentation", mixinStandardHelpOptions = true, description = {
        "Relevance (cosine similarity to the original, next item kept in the top 20) and diversity (pairwise",
        "distance among a user's augmented samples, distance to the original) of each operator at each rate",
        "and of BASRec's mixed samples, measured with a trained model. Writes augmentation.csv and augmentation.png."})
    static final class Augmentation implements Callable<Integer> {

        @Option(names = "--checkpoint", required = true, paramLabel = "PATH", description = "A .ckpt file written by train.")
        Path checkpoint;

        @Option(names = "--users", defaultValue = "1000", description = "Test users to sample (default: ${DEFAULT-VALUE}).")
        int users;

        @Option(names = "--copies", defaultValue = "4", description = "Augmented samples per user and method (default: ${DEFAULT-VALUE}).")
        int copies;

        @Option(names = "--rates", defaultValue = "0.1,0.3,0.5,0.7,0.9", split = ",",
                description = "Rates of the plain operators (default: ${DEFAULT-VALUE}).")
        double[] rates;

        @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: analysis/ next to the checkpoint).")
        Path out;

        @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
                description = "Override a saved setting, e.g. -Dseqaug.augmenter.basrec.beta=0.5.")
        Map<String, String> overrides = new LinkedHashMap<>();

        @Override
        public Integer call() {
            SavedModel model = SavedModel.load(checkpoint, overrides);
            Settings settings = model.settings();
            long seed = settings.longValue("seed");
            List<AugmentationAnalysis.Point> points = model.runtime().injector().getInstance(AugmentationAnalysis.class)
                    .run(settings, model.checkpoint(), users, copies, rates, seed);
            Path dir = out != null ? out : checkpoint.toAbsolutePath().getParent().resolve("analysis");
            try {
                Files.createDirectories(dir);
                AtomicFiles.writeString(dir.resolve("augmentation.csv"), AugmentationAnalysis.csv(points));
                System.setProperty("java.awt.headless", "true");
                AtomicFiles.write(dir.resolve("augmentation.png"),
                        o -> BitmapEncoder.saveBitmap(chart(points), o, BitmapEncoder.BitmapFormat.PNG));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + dir + ": " + e.getMessage(), e);
            }
            System.out.printf(Locale.ROOT, "%-34s %5s %9s %9s %9s %9s%n", "method", "rate", "cosine", "top20", "pairwise",
                    "distance");
            for (AugmentationAnalysis.Point p : points) {
                System.out.printf(Locale.ROOT, "%-34s %5s %9.4f %9.4f %9.4f %9.4f%n", p.method(),
                        Double.isNaN(p.rate()) ? "-" : String.format(Locale.ROOT, "%.2f", p.rate()), p.relevanceCosine(),
                        p.relevanceTop20(), p.diversityPairwise(), p.distanceToOriginal());
            }
            System.out.println("wrote " + dir.resolve("augmentation.csv") + " and " + dir.resolve("augmentation.png"));
            return 0;
        }

        private static final Color[] OPERATOR_COLOURS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b)};

        static XYChart chart(List<AugmentationAnalysis.Point> points) {
            XYChart chart = new XYChartBuilder().width(900).height(600)
                    .title("Relevance vs diversity of augmented samples (operators: rate grows along each line)")
                    .xAxisTitle("diversity: mean pairwise cosine distance among a user's samples")
                    .yAxisTitle("relevance: cosine similarity to the original").build();
            Map<String, List<AugmentationAnalysis.Point>> series = new LinkedHashMap<>();
            for (AugmentationAnalysis.Point p : points) {
                series.computeIfAbsent(p.method(), k -> new ArrayList<>()).add(p);
            }
            int operator = 0;
            for (Map.Entry<String, List<AugmentationAnalysis.Point>> e : series.entrySet()) {
                List<Double> x = e.getValue().stream().map(AugmentationAnalysis.Point::diversityPairwise).toList();
                List<Double> y = e.getValue().stream().map(AugmentationAnalysis.Point::relevanceCosine).toList();
                XYSeries s = chart.addSeries(e.getKey(), x, y);
                boolean basrec = e.getKey().startsWith("basrec");
                boolean reference = e.getKey().equals("original");
                Color colour = reference ? Color.BLACK : basrec ? (e.getKey().contains("feature-wise") ? new Color(0xff9896)
                        : new Color(0xd62728)) : OPERATOR_COLOURS[operator++ % OPERATOR_COLOURS.length];
                s.setXYSeriesRenderStyle(basrec || reference ? XYSeries.XYSeriesRenderStyle.Scatter
                        : XYSeries.XYSeriesRenderStyle.Line);
                if (reference) {
                    s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CROSS);
                }
                s.setLineColor(colour);
                s.setMarkerColor(colour);
                if (basrec) {
                    s.setMarker(e.getKey().contains("cross") ? org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND
                            : e.getKey().contains("unmixed") ? org.knowm.xchart.style.markers.SeriesMarkers.TRIANGLE_UP
                            : org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                }
            }
            chart.getStyler().setMarkerSize(9);
            return chart;
        }
    }
}
