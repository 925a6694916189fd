package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.SettingsDifferences;
import io.seqaug.runtime.experiment.RunFolder;
import io.seqaug.runtime.experiment.RunRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compares the effective settings a finished run recorded in its {@code results.json} with the
 * settings a grid asks for now, so that a rerun never reports old results for changed settings.
 */
final class RecordedSettings {

    private RecordedSettings() {}

    /**
     * Stops the grid when a finished run was made with other settings. Unfinished or interrupted
     * runs are run again anyway and pass.
     *
     * @param runDir the run's folder
     * @param what how to name the run in the message
     * @param requested the requested settings, below {@code seqaug}
     * @param defaults the reference settings, below {@code seqaug}
     * @throws ConfigError naming the run, the first differences and the way out
     */
    static void requireSame(Path runDir, String what, Config requested, Config defaults) {
        Optional<RunRecord> record = new RunFolder(runDir).finished();
        if (record.isEmpty()) {
            return;
        }
        List<String> diff = record.get().differencesFrom(requested, defaults);
        if (!diff.isEmpty()) {
            throw new ConfigError(what + " in " + runDir + " finished with other settings (" + SettingsDifferences.summary(diff)
                    + "): rerun into a new grid name, or delete that folder to recompute it");
        }
    }
}
