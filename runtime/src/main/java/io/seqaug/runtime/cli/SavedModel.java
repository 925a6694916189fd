package io.seqaug.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.RenamedKeys;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.train.Checkpoint;

import java.io.IOException;
import java.nio.file.Path;
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
        String savedSettings = RenamedKeys.upgrade(ConfigFactory.parseString(saved.config())).root()
                .render(ConfigRenderOptions.concise());
        Config config = new ConfigLoader(runtime.discovery().classLoader())
                .loadText("seqaug " + savedSettings, file.toString(), overrides);
        return new SavedModel(saved, runtime, new Settings(config));
    }
}
