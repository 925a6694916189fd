package io.seqaug.runtime.cli;

import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.experiment.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code seqaug bench}: training and evaluation speed and memory on a real dataset. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training speed (plain and BASRec stage 2), full-ranking evaluation time "
            + "and peak memory; optionally evaluation on a synthetic catalog of --scale-items items. Exits 1 on a NaN loss.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--epochs", defaultValue = "3",
            description = "Epochs of each kind of training: the first, then the steady state (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--augmenter", defaultValue = "basrec",
            description = "The augmenter timed in stage 2 (default ${DEFAULT-VALUE}; its settings come from the config).")
    String augmenter;

    @Option(names = "--scale-items", defaultValue = "0",
            description = "Also evaluate an untrained model on a synthetic catalog of this many items (e.g. 1000000).")
    int scaleItems;

    @Option(names = "--scale-users", defaultValue = "20000", description = "Users of the scale check (default ${DEFAULT-VALUE}).")
    int scaleUsers;

    @Override
    public Integer call() {
        if (epochs < 1) {
            throw new ConfigError("bench --epochs must be at least 1, got " + epochs);
        }
        if (scaleItems < 0 || scaleUsers < 1) {
            throw new ConfigError("bench --scale-items must be >= 0 and --scale-users >= 1, got " + scaleItems + " and "
                    + scaleUsers);
        }
        Bootstrap runtime = options.start();
        Benchmark bench = runtime.injector().getInstance(Benchmark.class);
        bench.run(runtime.settings(), epochs, augmenter, scaleItems, scaleUsers, System.out);
        return 0;
    }
}
