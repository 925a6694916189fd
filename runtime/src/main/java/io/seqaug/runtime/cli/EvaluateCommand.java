package io.seqaug.runtime.cli;

import com.typesafe.config.Config;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import io.seqaug.runtime.config.Settings;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.experiment.Experiment;
import io.seqaug.runtime.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seqaug evaluate}: validation and test metrics of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a checkpoint on the validation and test split of its dataset.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH", description = "A .ckpt file written by train.")
    Path checkpoint;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a saved setting, e.g. -Dseqaug.data.path=/data/Beauty.txt.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Checkpoint saved;
        try {
            saved = Checkpoint.read(checkpoint);
        } catch (IOException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        // The plugins the model needs: -Dseqaug.plugins-dir, else the folder it was trained with.
        String pluginsDir = overrides.getOrDefault("seqaug.plugins-dir", overrides.get("plugins-dir"));
        if (pluginsDir == null) {
            Config trained = com.typesafe.config.ConfigFactory.parseString(saved.config());
            pluginsDir = trained.hasPath("plugins-dir") ? trained.getString("plugins-dir") : null;
        }
        Bootstrap runtime = Bootstrap.start(null, pluginsDir == null ? Map.of() : Map.of("seqaug.plugins-dir", pluginsDir));
        Config config = new ConfigLoader(runtime.discovery().classLoader())
                .loadText("seqaug " + saved.config(), checkpoint.toString(), overrides);
        Metrics[] metrics = runtime.injector().getInstance(Experiment.class).evaluate(new Settings(config), saved);
        System.out.println("valid " + metrics[0]);
        System.out.println("test  " + metrics[1]);
        return 0;
    }
}
