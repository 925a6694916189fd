package io.seqaug.runtime.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options every command that reads settings shares: {@code -c FILE} and {@code -D key=value}. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Experiment file (HOCON).")
    Path config;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a setting, e.g. -Dseqaug.train.epochs=5 (the seqaug. prefix is optional).")
    Map<String, String> overrides = new LinkedHashMap<>();

    Bootstrap start() {
        return Bootstrap.start(config, overrides);
    }
}
