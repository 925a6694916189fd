package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.RenamedKeys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the effective settings a finished run recorded in its {@code results.json} with the
 * settings a grid asks for now, so that a rerun never reports old results for changed settings.
 */
final class RecordedSettings {

    /**
     * Settings that change how a run is shown or where caches live, not what it computes; and
     * {@code commit}, which launchers before this version leaked into saved settings.
     */
    private static final Set<String> PRESENTATION = Set.of("train.progress", "train.prefetch", "data.cache-dir",
            "plugins-dir", "commit");

    private RecordedSettings() {}

    /**
     * What differs between two settings trees.
     *
     * @param recorded the recorded settings
     * @param requested the requested settings
     * @param defaults the reference settings: a key that an older run did not record yet counts as
     *     its default, which is what that run computed with
     * @return one {@code key: recorded -> requested} line per difference, keys sorted
     */
    static List<String> differences(Config recordedAsWritten, Config requested, Config defaults) {
        Config recorded = RenamedKeys.upgrade(recordedAsWritten);
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : recorded.entrySet()) {
            keys.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : requested.entrySet()) {
            keys.add(e.getKey());
        }
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (PRESENTATION.contains(key)) {
                continue;
            }
            String a = recorded.hasPath(key) ? render(recorded.getValue(key))
                    : defaults.hasPath(key) ? render(defaults.getValue(key)) : "(absent)";
            String b = requested.hasPath(key) ? render(requested.getValue(key)) : "(absent)";
            if (!a.equals(b)) {
                out.add(key + ": " + a + " -> " + b);
            }
        }
        return out;
    }

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
        Optional<Config> record = CellResult.finishedRecord(runDir);
        if (record.isEmpty()) {
            return;
        }
        List<String> diff = record.get().hasPath("config") ? differences(record.get().getConfig("config"), requested, defaults)
                : List.of("results.json records no settings (written by an older SeqAug)");
        if (!diff.isEmpty()) {
            String shown = String.join("; ", diff.subList(0, Math.min(3, diff.size())))
                    + (diff.size() > 3 ? "; and " + (diff.size() - 3) + " more" : "");
            throw new ConfigError(what + " in " + runDir + " finished with other settings (" + shown
                    + "): rerun into a new grid name, or delete that folder to recompute it");
        }
    }

    private static String render(ConfigValue value) {
        Object raw = value.unwrapped();
        // 1 and 1.0 are one setting.
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return Long.toString((long) n.doubleValue());
        }
        return String.valueOf(raw);
    }
}
