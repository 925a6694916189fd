package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.experiment.DatasetLabel;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.train.StopSignal;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a grid of datasets x backbones x augmenters x seeds, one cell after another. Cells that share
 * a dataset, backbone and seed share one stage-1 run (the backbone alone), and every cell's stage 2
 * starts from its best checkpoint. A cell whose results are already on disk is skipped, so a rerun
 * resumes an interrupted grid. Reports are written at the end from every finished cell.
 */
public final class GridRunner {

    private final Experiment experiment;

    /**
     * Created by Guice.
     *
     * @param experiment runs one cell
     */
    @Inject
    public GridRunner(Experiment experiment) {
        this.experiment = experiment;
    }

    /**
     * Runs the grid.
     *
     * @param file the comparison file (a {@code seqaug} block of shared settings and a {@code grid} block)
     * @param origin the file name, for messages
     * @param overrides {@code -D} overrides, applied to every cell
     * @param loader validates each cell's settings
     * @param stop ends the grid after the current epoch when requested
     * @param console where progress and the summary go
     * @return the finished cells, and where the reports are
     */
    public GridReport run(Config file, String origin, Map<String, String> overrides, ConfigLoader loader, StopSignal stop,
            PrintStream console) {
        GridSpec grid = GridSpec.from(file, origin);
        Config reference = loader.reference();
        Config shared = file.withoutPath("grid");
        Settings base = new Settings(loader.merge(reference, shared, overrides));
        Path gridDir = Path.of(base.string("output-dir")).resolve(grid.name());
        List<CellResult> finished = new ArrayList<>();
        int total = grid.datasets().size() * grid.backbones().size() * grid.augmenters().size() * grid.seeds().size();
        int index = 0;
        for (String dataset : grid.datasets()) {
            for (String backbone : grid.backbones()) {
                for (long seed : grid.seeds()) {
                    String key = slug(dataset) + "-" + backbone + "-s" + seed;
                    Path stage1Dir = gridDir.resolve("stage1").resolve(key);
                    Map<String, String> stage1Forced = forced(dataset, backbone, "none", seed, stage1Dir);
                    stage1Forced.put("seqaug.train.stage2-epochs", "0");
                    Settings stage1 = settings(loader, reference, shared, grid.settingsFor(dataset, backbone, null),
                            overrides, stage1Forced);
                    RecordedSettings.requireSame(stage1Dir, "stage 1 " + key, stage1.config().getConfig("seqaug"),
                            reference.getConfig("seqaug"));
                    if (CellResult.read(stage1Dir, dataset, backbone, "none", seed).isEmpty() && !stop.requested()) {
                        console.printf("== stage 1 for %s: %s%n", key, stage1Dir);
                        experiment.run(stage1, stop, console);
                    }
                    for (String augmenter : grid.augmenters()) {
                        index++;
                        Path cellDir = gridDir.resolve("cells").resolve(slug(dataset) + "-" + backbone + "-" + augmenter
                                + "-s" + seed);
                        Map<String, String> forced = forced(dataset, backbone, augmenter, seed, cellDir);
                        forced.put("seqaug.train.init-from", stage1Dir.resolve("best.ckpt").toString());
                        Settings cell = settings(loader, reference, shared, grid.settingsFor(dataset, backbone, augmenter),
                                overrides, forced);
                        RecordedSettings.requireSame(cellDir, "cell " + cellDir.getFileName(), cell.config().getConfig("seqaug"),
                                reference.getConfig("seqaug"));
                        Optional<CellResult> done = CellResult.read(cellDir, dataset, backbone, augmenter, seed);
                        if (done.isEmpty() && !stop.requested()) {
                            console.printf("== cell %d/%d: %s %s %s seed %d%n", index, total, dataset, backbone, augmenter, seed);
                            experiment.run(cell, stop, console);
                            done = CellResult.read(cellDir, dataset, backbone, augmenter, seed);
                        } else if (done.isPresent()) {
                            console.printf("== cell %d/%d: %s %s %s seed %d already finished%n", index, total, dataset,
                                    backbone, augmenter, seed);
                        }
                        done.ifPresent(finished::add);
                    }
                }
            }
        }
        return Reports.write(gridDir, finished, total);
    }

    private static Map<String, String> forced(String dataset, String backbone, String augmenter, long seed, Path runDir) {
        Map<String, String> forced = new LinkedHashMap<>();
        forced.put("seqaug.data.dataset", dataset);
        forced.put("seqaug.model.backbone", backbone);
        forced.put("seqaug.augmenter.name", augmenter);
        forced.put("seqaug.seed", Long.toString(seed));
        forced.put("seqaug.output-dir", runDir.getParent().toString());
        forced.put("seqaug.run-name", runDir.getFileName().toString());
        return forced;
    }

    private static Settings settings(ConfigLoader loader, Config reference, Config shared, Config cell,
            Map<String, String> overrides, Map<String, String> forced) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(forced);
        Config user = cell.atPath(ConfigLoader.ROOT).withFallback(shared);
        return new Settings(loader.merge(reference, user, all));
    }

    /** A folder name for a dataset name or path; see {@link DatasetLabel}. */
    static String slug(String dataset) {
        return DatasetLabel.of(dataset);
    }

}
