package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code grid} block of a comparison file: which datasets, backbones, augmenters and seeds to
 * cross, and settings that apply to the cells matching a dataset, backbone and/or augmenter.
 *
 * @param name the grid's folder under {@code seqaug.output-dir}
 * @param datasets dataset names or paths
 * @param backbones backbone provider names
 * @param augmenters augmenter provider names
 * @param seeds the seeds
 * @param overrides per-cell settings, applied in order
 * @param claimTimeout how long a worker's claim on a job lives without a heartbeat before another
 *     worker takes the job over ({@code grid.claim-timeout}, default 10 minutes)
 */
public record GridSpec(String name, List<String> datasets, List<String> backbones, List<String> augmenters,
        List<Long> seeds, List<Override> overrides, Duration claimTimeout) {

    /**
     * Settings for the cells that match.
     *
     * @param dataset the dataset it applies to, or every one
     * @param backbone the backbone it applies to, or every one
     * @param augmenter the augmenter it applies to, or every one (and then also to stage 1)
     * @param settings settings below {@code seqaug}
     */
    public record Override(Optional<String> dataset, Optional<String> backbone, Optional<String> augmenter,
            Config settings) {

        boolean matches(String d, String b, String a) {
            return dataset.map(d::equals).orElse(true) && backbone.map(b::equals).orElse(true)
                    && augmenter.map(x -> a != null && x.equals(a)).orElse(true);
        }
    }

    private static final Set<String> KEYS = Set.of("name", "datasets", "backbones", "augmenters", "seeds", "cells",
            "claim-timeout");
    private static final Set<String> CELL_KEYS = Set.of("dataset", "backbone", "augmenter", "settings");

    /**
     * Reads the {@code grid} block.
     *
     * @param file the whole comparison file
     * @param origin its name, for messages
     * @return the grid
     * @throws ConfigError on a missing block, an unknown key or a wrong type
     */
    public static GridSpec from(Config file, String origin) {
        if (!file.hasPath("grid")) {
            throw new ConfigError(origin + ": no grid { ... } block; see examples/quick.conf");
        }
        Config grid = file.getConfig("grid");
        for (Map.Entry<String, ConfigValue> e : grid.root().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new ConfigError("unknown key grid." + e.getKey() + " (" + e.getValue().origin().description()
                        + "); known: " + String.join(", ", KEYS));
            }
        }
        try {
            List<Override> overrides = new ArrayList<>();
            if (grid.hasPath("cells")) {
                for (Config cell : grid.getConfigList("cells")) {
                    for (String key : cell.root().keySet()) {
                        if (!CELL_KEYS.contains(key)) {
                            throw new ConfigError("unknown key " + key + " in grid.cells ("
                                    + cell.root().origin().description() + "); known: " + String.join(", ", CELL_KEYS));
                        }
                    }
                    overrides.add(new Override(optional(cell, "dataset"), optional(cell, "backbone"),
                            optional(cell, "augmenter"),
                            cell.hasPath("settings") ? cell.getConfig("settings") : ConfigFactory.empty()));
                }
            }
            GridSpec spec = new GridSpec(grid.getString("name"), grid.getStringList("datasets"),
                    grid.getStringList("backbones"), grid.getStringList("augmenters"),
                    grid.hasPath("seeds") ? grid.getLongList("seeds") : List.of(42L), overrides,
                    grid.hasPath("claim-timeout") ? grid.getDuration("claim-timeout") : Duration.ofMinutes(10));
            if (spec.claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigError(origin + ": grid.claim-timeout must be at least 1s, got " + spec.claimTimeout);
            }
            if (spec.datasets.isEmpty() || spec.backbones.isEmpty() || spec.augmenters.isEmpty() || spec.seeds.isEmpty()) {
                throw new ConfigError(origin + ": grid.datasets, backbones, augmenters and seeds must not be empty");
            }
            if (!spec.name.matches("[A-Za-z0-9._-]+")) {
                throw new ConfigError(origin + ": grid.name must be a simple folder name, got '" + spec.name + "'");
            }
            return spec;
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    private static Optional<String> optional(Config c, String key) {
        return c.hasPath(key) ? Optional.of(c.getString(key)) : Optional.empty();
    }

    /**
     * The settings of one run: every matching override, later ones winning.
     *
     * @param dataset the dataset
     * @param backbone the backbone
     * @param augmenter the augmenter, or {@code null} for the shared stage-1 run (which takes only
     *     overrides that name no augmenter)
     * @return settings below {@code seqaug}
     */
    public Config settingsFor(String dataset, String backbone, String augmenter) {
        Config result = ConfigFactory.empty();
        for (Override o : overrides) {
            if (o.matches(dataset, backbone, augmenter) && (augmenter != null || o.augmenter().isEmpty())) {
                result = o.settings().withFallback(result);
            }
        }
        return result;
    }
}
