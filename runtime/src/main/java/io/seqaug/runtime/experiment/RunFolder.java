package io.seqaug.runtime.experiment;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.FolderName;
import io.seqaug.runtime.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A run's folder: every file name in it, how it is named, and whether its run finished. The one place
 * that knows the layout; everything that writes or reads a run folder goes through it.
 *
 * <table>
 *   <caption>The files</caption>
 *   <tr><th>file</th><th>written</th></tr>
 *   <tr><td>{@code config.conf}</td><td>when the run starts: its settings as an experiment file</td></tr>
 *   <tr><td>{@code epochs.jsonl}</td><td>one line per epoch</td></tr>
 *   <tr><td>{@code stage1.ckpt}</td><td>stage 1's best parameters</td></tr>
 *   <tr><td>{@code best.ckpt}</td><td>the run's best parameters</td></tr>
 *   <tr><td>{@code resume.ckpt}</td><td>after every epoch; removed when the run finishes</td></tr>
 *   <tr><td>{@code test-ranks.csv}</td><td>every user's test rank, before {@code results.json}</td></tr>
 *   <tr><td>{@code results.json}</td><td>last, atomically: its presence marks the run finished ({@link RunRecord})</td></tr>
 *   <tr><td>{@code .lock}</td><td>while the run is live</td></tr>
 * </table>
 *
 * @param dir the folder
 */
public record RunFolder(Path dir) {

    /** The settings, rerunnable as an experiment file. */
    public static final String CONFIG = "config.conf";
    /** One JSON line per epoch. */
    public static final String EPOCHS = "epochs.jsonl";
    /** Stage 1's best checkpoint. */
    public static final String STAGE1 = "stage1.ckpt";
    /** The run's best checkpoint. */
    public static final String BEST = "best.ckpt";
    /** Where an interrupted run continues from. */
    public static final String RESUME = "resume.ckpt";
    /** Every user's test rank. */
    public static final String TEST_RANKS = "test-ranks.csv";
    /** The run's record; its presence marks the run finished. */
    public static final String RESULTS = "results.json";
    /** Held while the run is live. */
    public static final String LOCK = ".lock";
    /** The plan a grid writes into its own folder, which no run may share. */
    public static final String GRID_PLAN = "plan.json";

    /**
     * Refuses a folder that holds a train run's files to a grid, and a grid's folder to a run: either
     * would write among the other's files.
     *
     * @param dir the folder about to be used
     * @param forGrid whether a grid is about to use it (else a run)
     * @throws ConfigError naming the file that shows the folder belongs to the other kind
     */
    public static void requireOwnKind(Path dir, boolean forGrid) {
        for (String file : forGrid ? List.of(RESULTS, EPOCHS, CONFIG) : List.of(GRID_PLAN)) {
            if (Files.exists(dir.resolve(file))) {
                throw new ConfigError(dir + (forGrid ? " holds a run of seqaug train (" + file + "), not a grid: the grid "
                        + "would write among its files; rename the grid (grid.name) or move the run"
                        : " is the folder of a grid (" + file + "), not of one run: this run would write among the grid's "
                        + "files; pick another seqaug.run-name"));
            }
        }
    }

    /**
     * The folder a run with these settings writes to: {@code output-dir/run-name}, with a name made
     * of the dataset, backbone, augmenter and seed when none is set.
     *
     * @param settings the settings
     * @return the folder
     */
    public static RunFolder of(Settings settings) {
        String name = settings.string("run-name");
        if (!name.isEmpty()) {
            FolderName.check("seqaug.run-name", name, settings.origin("run-name"));
        } else {
            String dataset = DatasetLabel.of(settings.string("data.path").isEmpty() ? settings.string("data.dataset")
                    : settings.string("data.path"));
            name = dataset + "-" + settings.string("model.backbone") + "-" + settings.string("augmenter.name") + "-s"
                    + settings.longValue("seed");
        }
        return new RunFolder(Path.of(settings.string("output-dir")).resolve(name));
    }

    /**
     * The path of {@value #CONFIG}.
     *
     * @return the path
     */
    public Path config() {
        return dir.resolve(CONFIG);
    }

    /**
     * The path of {@value #EPOCHS}.
     *
     * @return the path
     */
    public Path epochs() {
        return dir.resolve(EPOCHS);
    }

    /**
     * The path of {@value #STAGE1}.
     *
     * @return the path
     */
    public Path stage1Checkpoint() {
        return dir.resolve(STAGE1);
    }

    /**
     * The path of {@value #BEST}.
     *
     * @return the path
     */
    public Path bestCheckpoint() {
        return dir.resolve(BEST);
    }

    /**
     * The path of {@value #RESUME}.
     *
     * @return the path
     */
    public Path resume() {
        return dir.resolve(RESUME);
    }

    /**
     * The path of {@value #TEST_RANKS}.
     *
     * @return the path
     */
    public Path testRanks() {
        return dir.resolve(TEST_RANKS);
    }

    /**
     * The path of {@value #RESULTS}.
     *
     * @return the path
     */
    public Path results() {
        return dir.resolve(RESULTS);
    }

    /**
     * The path of {@value #LOCK}.
     *
     * @return the path
     */
    public Path lock() {
        return dir.resolve(LOCK);
    }

    /**
     * The run's record, finished or interrupted, when there is a readable one.
     *
     * @return the record, or empty without a readable {@value #RESULTS}
     */
    public Optional<RunRecord> record() {
        return Files.isRegularFile(results()) ? RunRecord.read(results()) : Optional.empty();
    }

    /**
     * The record of a run that finished without interruption: the one test of "finished" that grids,
     * plans, reports and resume checks share.
     *
     * @return the record, or empty when the run is missing, unfinished or was interrupted
     */
    public Optional<RunRecord> finished() {
        return record().filter(r -> !r.interrupted());
    }

    /**
     * Whether the run finished without interruption.
     *
     * @return true when {@link #finished()} has a record
     */
    public boolean isFinished() {
        return finished().isPresent();
    }
}
