package io.seqaug.runtime.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import io.seqaug.api.TrainingStage;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.RenamedKeys;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.config.SettingsDifferences;
import io.seqaug.runtime.report.AtomicFiles;
import io.seqaug.runtime.report.BuildInfo;
import io.seqaug.runtime.report.Json;
import io.seqaug.runtime.train.ResumePoint;
import io.seqaug.runtime.train.RunInputs;
import io.seqaug.runtime.train.StageResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's {@code results.json}: written once, atomically and last, by {@link #write}, and read back
 * by {@link #read} for everything that asks what a run did (reports, grids, reruns, export).
 *
 * @param interrupted whether the run stopped before its schedule ended
 * @param test the test metrics by name ({@code HR@5} .. {@code NDCG@20})
 * @param valid the validation metrics of the parameters that were tested, by name
 * @param stage2Epochs epochs stage 2 ran (0 without stage 2)
 * @param stage2SecondsPerEpoch stage 2's mean epoch time, when it ran
 * @param commit the commit that ran it
 * @param settings the effective settings below {@code seqaug}, when recorded
 * @param inputs the content of its data and starting parameters, when recorded
 */
public record RunRecord(boolean interrupted, Map<String, Double> test, Map<String, Double> valid, int stage2Epochs,
        Optional<Double> stage2SecondsPerEpoch, String commit, Optional<Config> settings, Optional<RunInputs> inputs) {

    /** The test metrics a record holds, in report order. */
    public static final List<String> METRICS = List.of("HR@5", "NDCG@5", "HR@10", "NDCG@10", "HR@20", "NDCG@20");

    /**
     * Reads a record.
     *
     * @param file a {@code results.json}
     * @return the record, or empty when the file cannot be parsed (not a record anyone can use)
     */
    public static Optional<RunRecord> read(Path file) {
        Config r;
        try {
            r = ConfigFactory.parseFile(file.toFile());
        } catch (ConfigException e) {
            return Optional.empty();
        }
        return Optional.of(new RunRecord(r.hasPath("interrupted") && r.getBoolean("interrupted"), metrics(r, "test"),
                metrics(r, "valid"),
                r.hasPath("stage2.epochs") ? r.getInt("stage2.epochs") : 0,
                r.hasPath("stage2.seconds_per_epoch") ? Optional.of(r.getDouble("stage2.seconds_per_epoch")) : Optional.empty(),
                r.hasPath("commit") ? r.getString("commit") : "unknown",
                r.hasPath("config") ? Optional.of(RenamedKeys.upgrade(r.getConfig("config"))) : Optional.empty(),
                RunInputs.read(r, "inputs")));
    }

    private static Map<String, Double> metrics(Config r, String part) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String metric : METRICS) {
            String path = ConfigUtil.joinPath(part, metric);
            if (r.hasPath(path)) {
                values.put(metric, r.getDouble(path));
            }
        }
        return values;
    }

    /**
     * How the recorded run differs from a requested one: its settings and, when both sides know
     * them, the content of its inputs in place of the settings that only say where they are
     * ({@link RunInputs#LOCATION_KEYS}).
     *
     * @param requested the requested settings, below {@code seqaug}
     * @param requestedInputs the requested run's inputs, or {@code null} when not known
     * @param defaults the reference settings, below {@code seqaug}, for keys only one side has
     * @return the differences, one line each; one line when the record holds no settings
     */
    public List<String> differencesFrom(Config requested, RunInputs requestedInputs, Config defaults) {
        if (settings.isEmpty()) {
            return List.of("results.json records no settings (written by an older SeqAug)");
        }
        if (inputs.isEmpty() || requestedInputs == null) {
            return SettingsDifferences.between(settings.get(), requested, defaults);
        }
        List<String> out = new ArrayList<>(inputs.get().differencesFrom(requestedInputs));
        out.addAll(SettingsDifferences.between(settings.get(), requested, defaults, RunInputs.LOCATION_KEYS));
        return out;
    }

    /**
     * Writes a run's record, atomically.
     *
     * @param folder the run folder
     * @param r what the run did
     * @param settings its settings
     * @param dataset its data
     * @param similaritySeconds time spent on item similarity
     * @param totalSeconds this process's wall time
     * @param resumedFrom where it continued from, or {@code null}
     * @param inputs the content of its data and starting parameters
     * @throws IOException when the file cannot be written
     */
    static void write(RunFolder folder, RunResult r, Settings settings, SequenceDataset dataset, double similaritySeconds,
            double totalSeconds, ResumePoint resumedFrom, RunInputs inputs) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset.name());
        m.put("users", dataset.userCount());
        m.put("items", dataset.itemCount());
        m.put("backbone", settings.string("model.backbone"));
        m.put("augmenter", settings.string("augmenter.name"));
        m.put("seed", settings.longValue("seed"));
        m.put("commit", BuildInfo.commit());
        m.put("inputs", inputs.asMap());
        m.put("interrupted", r.interrupted());
        m.put("stage1", stage(r.stage1()));
        m.put("stage2", stage(r.stage2()));
        m.put("valid", r.valid().asMap());
        m.put("test", r.test().asMap());
        m.put("test_seconds", r.testSeconds());
        m.put("similarity_seconds", similaritySeconds);
        m.put("total_seconds", totalSeconds);
        if (resumedFrom != null) {
            // total_seconds counts this process only; the stages' epoch times count every part.
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("stage", resumedFrom.progress().stage() == TrainingStage.BACKBONE ? 1 : 2);
            from.put("epoch", resumedFrom.progress().nextEpoch());
            m.put("resumed_from", from);
        }
        m.put("peak_rss_mib", r.peakResidentMiB());
        m.put("config", new Json.Raw(settings.config().getConfig(ConfigLoader.ROOT).root().render(ConfigRenderOptions.concise())));
        AtomicFiles.writeString(folder.results(), Json.write(m) + "\n");
    }

    private static Map<String, Object> stage(StageResult s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", s.epochs());
        m.put("best_epoch", s.bestEpoch());
        m.put("seconds_per_epoch", s.meanEpochSeconds());
        m.put("valid", s.bestValid() == null ? null : s.bestValid().asMap());
        m.put("interrupted", s.interrupted());
        return m;
    }
}
