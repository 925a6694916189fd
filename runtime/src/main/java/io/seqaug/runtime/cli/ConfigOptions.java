package io.seqaug.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.seqaug.runtime.compare.GridPlan;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The options every command that reads settings shares: {@code -c FILE} and {@code -D key=value}. */
final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Experiment file (HOCON).")
    Path config;

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Override a setting, e.g. -Dseqaug.train.stage1.epochs=5 (the seqaug. prefix is optional).")
    Map<String, String> overrides = new LinkedHashMap<>();

    Bootstrap start() {
        return Bootstrap.start(config, overrides);
    }

    /**
     * Starts the runtime and plans the grid of a comparison file, for {@code compare}, {@code plan}
     * and {@code report}.
     *
     * @param command the subcommand, for the message when no file is given
     * @return the runtime and the grid's plan
     * @throws ConfigError without a file, or on a file that does not parse
     */
    GridCommand grid(String command) {
        if (config == null) {
            throw new ConfigError(command + " needs a grid file: seqaug " + command + " -c examples/quick.conf");
        }
        Bootstrap runtime = start();
        Config file;
        try {
            file = ConfigLoader.parseFile(config).resolve();
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        GridPlan plan = GridPlan.build(file, config.toString(), overrides, new ConfigLoader(runtime.discovery().classLoader()));
        return new GridCommand(runtime, plan);
    }

    /**
     * What a grid subcommand works from.
     *
     * @param runtime the started runtime
     * @param plan the grid's jobs
     */
    record GridCommand(Bootstrap runtime, GridPlan plan) {}
}
