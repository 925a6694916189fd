package io.seqaug.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.RenamedKeys;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.train.Checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint with the runtime and settings it needs, for the commands that work from a saved
 * model ({@code evaluate}, {@code analyze}): the plugins come from {@code -Dseqaug.plugins-dir}, else
 * from the folder the model was trained with, and the saved settings are merged with the overrides.
 *
 * @param checkpoint the saved model
 * @param runtime the started runtime
 * @param settings the saved settings with the overrides applied
 */
record SavedModel(Checkpoint checkpoint, Bootstrap runtime, Settings settings) {

    static SavedModel load(Path file, Map<String, String> overrides) {
        Checkpoint saved;
        try {
            saved = Checkpoint.read(file);
        } catch (IOException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        String pluginsDir = overrides.getOrDefault("seqaug.plugins-dir", overrides.get("plugins-dir"));
        if (pluginsDir == null) {
            Config trained = ConfigFactory.parseString(saved.config());
            pluginsDir = trained.hasPath("plugins-dir") ? trained.getString("plugins-dir") : null;
        }
        Bootstrap runtime = Bootstrap.start(null, pluginsDir == null ? Map.of() : Map.of("seqaug.plugins-dir", pluginsDir));
        // Settings saved by an older version are read under today's key names.
        ConfigLoader loader = new ConfigLoader(runtime.discovery().classLoader());
        Config savedTree = withoutMissingComponents(RenamedKeys.upgrade(ConfigFactory.parseString(saved.config())),
                loader.reference(), file);
        String savedSettings = savedTree.root().render(ConfigRenderOptions.concise());
        Config config = loader.loadText("seqaug " + savedSettings, file.toString(), overrides);
        return new SavedModel(saved, runtime, new Settings(config));
    }

    /** Settings of training-only components: a saved model is evaluated without them. */
    private static final List<String> TRAINING_ONLY = List.of("augmenter.", "operators.", "mixups.", "weightings.");

    /**
     * The saved settings without those of training-only components (an augmenter, operator, mixup or
     * weighting from a plugin) that this runtime does not declare, as when the plugin's jar is gone:
     * evaluating the model does not use them. Commands that do ({@code analyze}) still name the
     * missing provider.
     */
    private static Config withoutMissingComponents(Config saved, Config reference, Path file) {
        Config kept = saved;
        java.util.Set<String> dropped = new java.util.TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : saved.entrySet()) {
            String key = e.getKey();
            boolean trainingOnly = TRAINING_ONLY.stream().anyMatch(key::startsWith) && !key.equals("augmenter.name");
            if (trainingOnly && !reference.hasPathOrNull(ConfigLoader.ROOT + "." + key)) {
                kept = kept.withoutPath(key);
                String[] parts = key.split("\\.");
                dropped.add(parts[0] + "." + parts[1]);
            }
        }
        if (!dropped.isEmpty()) {
            System.err.println("seqaug: " + file + ": settings of " + String.join(", ", dropped) + " (from plugins this SeqAug "
                    + "does not have) are not needed to use the model and are left out");
        }
        return kept;
    }
}
