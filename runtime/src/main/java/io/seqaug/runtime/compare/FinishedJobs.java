package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.SettingsDifferences;
import io.seqaug.runtime.experiment.DataLoading;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.experiment.RunRecord;
import io.seqaug.runtime.train.Checkpoint;
import io.seqaug.runtime.train.RunInputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a grid job is finished as the plan asks for it now: the one test that a worker's start-up
 * check, every claim and skip, and every report go through. A job whose run finished with other
 * settings, on other data (by content) or from other starting parameters (a stage 1 that was run
 * again since) is not this grid's result: it stops the grid or the report with the differences,
 * rather than being skipped or reported as if it were. Where the inputs live is not compared:
 * a grid copied, moved or reached by another path is still the same grid.
 */
final class FinishedJobs {

    private final GridPlan plan;
    private final Map<String, String> dataByDataSettings = new HashMap<>();
    private final Map<String, String> parametersByFile = new HashMap<>();

    /**
     * A checker for one plan. It loads each dataset once, when a finished job first needs it.
     *
     * @param plan the grid's jobs
     */
    FinishedJobs(GridPlan plan) {
        this.plan = plan;
    }

    /**
     * Whether the job finished, as the plan asks for it.
     *
     * @param job a job of the plan
     * @return true when its run finished with the settings and inputs asked for; false when it has not finished
     * @throws ConfigError when it finished with other settings or inputs, naming the job, the differences and the way out
     */
    boolean isFinished(GridPlan.Job job) {
        Optional<RunRecord> record = new RunFolder(job.directory()).finished();
        if (record.isEmpty()) {
            return false;
        }
        Config requested = job.settings().config().getConfig(ConfigLoader.ROOT);
        List<String> diff = record.get().differencesFrom(requested, inputs(job), plan.defaults());
        if (!diff.isEmpty()) {
            throw new ConfigError(job.label() + " in " + job.directory() + " finished with other settings or inputs ("
                    + SettingsDifferences.summary(diff) + "): rerun into a new grid name, or delete that folder to recompute it");
        }
        return true;
    }

    /** The job's inputs as far as they are known now; the starting parameters only once they exist. */
    private RunInputs inputs(GridPlan.Job job) {
        Config dataSettings = job.settings().config().getConfig(ConfigLoader.ROOT).withOnlyPath("data");
        // generated data depends on the seed as well
        boolean generated = job.settings().string("data.path").isEmpty()
                && job.settings().string("data.dataset").equals(DataLoading.SYNTHETIC);
        String key = job.dataset() + " " + dataSettings.root().render(ConfigRenderOptions.concise())
                + (generated ? " seed " + job.seed() : "");
        String data = dataByDataSettings.computeIfAbsent(key, k -> DataLoading.load(job.settings(), false).fingerprint());
        String initFrom = job.settings().string("train.init-from");
        String init;
        if (initFrom.isEmpty()) {
            init = "";
        } else if (job.dependsOn() >= 0 && !new RunFolder(plan.jobs().get(job.dependsOn()).directory()).isFinished()) {
            init = null; // its stage 1 runs (again) first; the claim after it compares
        } else {
            init = parameters(Path.of(initFrom));
        }
        return new RunInputs(data, init);
    }

    private String parameters(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String key = file.toAbsolutePath() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
            String known = parametersByFile.get(key);
            if (known == null) {
                known = Checkpoint.read(file).parametersFingerprint();
                parametersByFile.put(key, known);
            }
            return known;
        } catch (IOException e) {
            throw new ConfigError("seqaug.train.init-from: " + e.getMessage());
        }
    }
}
