package io.seqaug.runtime.cli;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.eval.Metrics;
import io.seqaug.runtime.experiment.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code seqaug evaluate}: validation and test metrics of a saved model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a checkpoint on the validation and test split of its dataset.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH", description = "A .ckpt file written by train.")
    Path checkpoint;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "4", description = "Decimals per metric (default 4).")
    int digits;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a saved setting, e.g. -Dseqaug.data.path=/data/Beauty.txt.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (digits < 1 || digits > 9) {
            throw new ConfigError("--digits must be between 1 and 9, got " + digits);
        }
        SavedModel model = SavedModel.load(checkpoint, overrides);
        Metrics[] metrics = model.runtime().injector().getInstance(Experiment.class).evaluate(model.settings(),
                model.checkpoint());
        System.out.println("valid " + metrics[0].format(digits));
        System.out.println("test  " + metrics[1].format(digits));
        return 0;
    }
}
