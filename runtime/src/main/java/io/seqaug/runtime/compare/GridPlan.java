package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.config.SettingsDifferences;
import io.seqaug.runtime.experiment.DatasetLabel;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.report.AtomicFiles;
import io.seqaug.runtime.report.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid as an explicit, ordered list of jobs: for every dataset, backbone and seed, first the
 * stage-1 job (the backbone alone), then one cell per augmenter that starts from that stage 1's best
 * checkpoint. The one place where a grid's jobs, their effective settings and their folders are
 * decided; {@link GridRunner} and {@code seqaug plan} both read it.
 *
 * @param grid the grid block
 * @param directory the grid's folder
 * @param jobs the jobs in the order they run
 * @param cells how many of them are cells
 * @param defaults the reference settings below {@code seqaug}, which finished runs are compared against
 */
public record GridPlan(GridSpec grid, Path directory, List<Job> jobs, int cells, Config defaults) {

    /**
     * One job of the plan.
     *
     * @param index position in the plan, from 0
     * @param stage1 whether this is a stage-1 job
     * @param dataset the dataset name or path
     * @param backbone the backbone
     * @param augmenter the augmenter, or the grid's variant name ({@code none} for stage 1)
     * @param seed the seed
     * @param directory the run folder
     * @param dependsOn index of the stage-1 job a cell starts from, or -1
     * @param cellSettings the grid's settings for this job (over the shared ones)
     * @param settings the effective, validated settings
     */
    public record Job(int index, boolean stage1, String dataset, String backbone, String augmenter, long seed,
            Path directory, int dependsOn, Config cellSettings, Settings settings) {

        /**
         * A readable name.
         *
         * @return for example {@code stage 1 beauty sasrec seed 1} or {@code cell beauty sasrec basrec seed 1}
         */
        public String label() {
            return (stage1 ? "stage 1 " : "cell ") + dataset + " " + backbone + (stage1 ? "" : " " + augmenter)
                    + " seed " + seed;
        }
    }

    /**
     * Builds the plan; every job's settings are merged and type-checked here.
     *
     * @param file the comparison file
     * @param origin its name, for messages
     * @param overrides {@code -D} overrides, applied to every job
     * @param loader merges and validates settings
     * @return the plan
     */
    public static GridPlan build(Config file, String origin, Map<String, String> overrides, ConfigLoader loader) {
        GridSpec grid = GridSpec.from(file, origin);
        Config reference = loader.reference();
        Config shared = file.withoutPath("grid");
        Settings base = new Settings(loader.merge(reference, shared, overrides));
        Path gridDir = Path.of(base.string("output-dir")).resolve(grid.name());
        RunFolder.requireOwnKind(gridDir, true);
        List<Job> jobs = new ArrayList<>();
        int cells = 0;
        for (String dataset : grid.datasets()) {
            for (String backbone : grid.backbones()) {
                for (long seed : grid.seeds()) {
                    String key = DatasetLabel.of(dataset) + "-" + backbone + "-s" + seed;
                    Path stage1Dir = gridDir.resolve("stage1").resolve(key);
                    int stage1Index = -1;
                    if (grid.augmenters().stream().anyMatch(grid::startsFromStage1)) {
                        Map<String, String> forced = forced(dataset, backbone, "none", seed, stage1Dir);
                        forced.put("seqaug.train.stage2.epochs", "0");
                        Config stage1Cell = grid.settingsFor(dataset, backbone, null);
                        stage1Index = jobs.size();
                        jobs.add(new Job(stage1Index, true, dataset, backbone, "none", seed, stage1Dir, -1, stage1Cell,
                                settings(loader, reference, shared, stage1Cell, overrides, forced)));
                    }
                    for (String augmenter : grid.augmenters()) {
                        Path cellDir = gridDir.resolve("cells").resolve(DatasetLabel.of(dataset) + "-" + backbone + "-"
                                + augmenter + "-s" + seed);
                        Map<String, String> cellForced = forced(dataset, backbone, grid.provider(augmenter), seed, cellDir);
                        boolean fromStage1 = grid.startsFromStage1(augmenter);
                        if (fromStage1) {
                            cellForced.put("seqaug.train.init-from", new RunFolder(stage1Dir).bestCheckpoint().toString());
                        } else {
                            cellForced.put("seqaug.train.init-from", "");
                            cellForced.put("seqaug.train.stage1.epochs", "0");
                        }
                        Config cell = grid.settingsFor(dataset, backbone, augmenter);
                        Job job = new Job(jobs.size(), false, dataset, backbone, augmenter, seed, cellDir,
                                fromStage1 ? stage1Index : -1, cell, settings(loader, reference, shared, cell, overrides, cellForced));
                        if (fromStage1) {
                            requireServedByStage1(job, jobs.get(stage1Index));
                        }
                        jobs.add(job);
                        cells++;
                    }
                }
            }
        }
        requireDistinctFolders(jobs);
        requireDistinctRuns(jobs);
        return new GridPlan(grid, gridDir, List.copyOf(jobs), cells, reference.getConfig(ConfigLoader.ROOT));
    }

    /**
     * Two entries of a grid that name the same job in other words (a data file spelt two ways) would run
     * once and be reported twice: refused, whatever the spelling, by the folder each job resolves to.
     */
    private static void requireDistinctFolders(List<Job> jobs) {
        Map<Path, Job> byFolder = new HashMap<>();
        for (Job job : jobs) {
            Job other = byFolder.putIfAbsent(job.directory().toAbsolutePath().normalize(), job);
            if (other != null) {
                throw new ConfigError(other.label() + " and " + job.label() + " are the same job (both in "
                        + job.directory() + "): it would run once and be reported twice; list each dataset, backbone, "
                        + "augmenter and seed once");
            }
        }
    }

    /**
     * Two cells whose settings are equal in everything but their folder (a variant that changes nothing,
     * a sweep point equal to another method's cell) would train the same model twice and report it as two
     * methods: refused, naming both.
     */
    private static void requireDistinctRuns(List<Job> jobs) {
        Map<Config, Job> byRun = new HashMap<>();
        for (Job job : jobs) {
            if (job.stage1()) {
                continue;
            }
            Config run = job.settings().config().getConfig(ConfigLoader.ROOT).withoutPath("output-dir").withoutPath("run-name");
            Job other = byRun.putIfAbsent(run, job);
            if (other != null) {
                throw new ConfigError(other.label() + " and " + job.label() + " have the same settings: they would train the "
                        + "same model twice and report it under two names; give " + job.augmenter()
                        + " the settings that make it differ, or list it once");
            }
        }
    }

    /**
     * The plan as JSON: every job with its index, kind, names, folder, dependency, whether it has
     * finished, and the grid's settings for it.
     *
     * @return the JSON text
     */
    public String toJson() {
        List<Object> list = new ArrayList<>();
        for (Job j : jobs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", j.index());
            m.put("kind", j.stage1() ? "stage1" : "cell");
            m.put("dataset", j.dataset());
            m.put("backbone", j.backbone());
            m.put("augmenter", j.augmenter());
            m.put("seed", j.seed());
            m.put("directory", j.directory().toString());
            m.put("depends_on", j.dependsOn() < 0 ? null : j.dependsOn());
            m.put("finished", isFinished(j));
            m.put("settings", new Json.Raw(j.cellSettings().root().render(ConfigRenderOptions.concise())));
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("grid", grid.name());
        root.put("directory", directory.toString());
        root.put("jobs", list);
        return Json.write(root);
    }

    /**
     * Writes {@code plan.json} into the grid folder.
     *
     * @return the file
     */
    public Path writeJson() {
        Path file = directory.resolve(RunFolder.GRID_PLAN);
        try {
            java.nio.file.Files.createDirectories(directory);
            AtomicFiles.writeString(file, toJson() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * A cell that starts from the shared stage 1 must build the model and read the data that stage 1
     * did: a cell override of such a setting would otherwise be found only when the cell loads the
     * checkpoint, after stage 1 and the cells before it have trained (or worse, load into a model that
     * happens to fit).
     */
    private static void requireServedByStage1(Job cell, Job stage1) {
        if (cell.settings().integer("train.stage2.epochs", 0, Integer.MAX_VALUE) == 0) {
            throw new ConfigError(cell.label() + " starts from the grid's shared stage 1 and runs no stage-2 epoch "
                    + "(seqaug.train.stage2.epochs = 0, " + cell.settings().origin("train.stage2.epochs") + "): it would "
                    + "report the stage-1 model under its augmenter's name; give stage 2 epochs");
        }
        Config mine = cell.settings().config().getConfig(ConfigLoader.ROOT);
        Config theirs = stage1.settings().config().getConfig(ConfigLoader.ROOT);
        for (String part : List.of("model", "data", "backbone." + cell.backbone())) {
            if (!mine.hasPath(part) || !theirs.hasPath(part)) {
                continue;
            }
            Config a = theirs.getConfig(part);
            Config b = mine.getConfig(part);
            if (part.startsWith("backbone.")) {
                // a backbone's shape is in its counts (layers, heads, sizes); its dropouts and options may differ
                a = counts(a);
                b = counts(b);
            }
            List<String> diff = SettingsDifferences.between(a, b, ConfigFactory.empty());
            if (!diff.isEmpty()) {
                throw new ConfigError(cell.label() + " sets " + part + "." + diff.get(0) + " (grid.cells or grid.variants), but it "
                        + "starts from the grid's shared stage 1, which is built without it; set it for the whole grid, or start "
                        + "that variant from scratch (from-stage1 = false)");
            }
        }
    }

    private static Config counts(Config settings) {
        Config out = ConfigFactory.empty();
        for (Map.Entry<String, ConfigValue> e : settings.entrySet()) {
            Object v = e.getValue().unwrapped();
            if (v instanceof Integer || v instanceof Long) {
                out = out.withValue(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * Whether a job's results are on disk from an uninterrupted run.
     *
     * @param job the job
     * @return true when finished
     */
    public static boolean isFinished(Job job) {
        return new RunFolder(job.directory()).isFinished();
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
}
