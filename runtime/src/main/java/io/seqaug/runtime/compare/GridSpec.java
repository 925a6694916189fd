package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.FolderName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * @param variants named variants of an augmenter, usable in {@code augmenters} like its name
 * @param claimTimeout how long a worker's claim on a job lives without a heartbeat before another
 *     worker takes the job over ({@code grid.claim-timeout}, default 10 minutes)
 * @param fromStage1 whether cells start from the shared stage 1 unless their variant says otherwise
 *     ({@code grid.from-stage1}, default true); false trains every cell one-stage from scratch, as
 *     the contrastive baselines are published, and no shared stage 1 runs
 */
public record GridSpec(String name, List<String> datasets, List<String> backbones, List<String> augmenters,
        List<Long> seeds, List<Override> overrides, List<Variant> variants, Duration claimTimeout, boolean fromStage1) {

    /**
     * A named variant of an augmenter: its own settings, and whether it starts from the shared
     * stage 1. Reports show the variant's name where they show an augmenter's.
     *
     * @param name the name used in {@code grid.augmenters}, the reports and the cell's folder
     * @param augmenter the augmenter provider it runs
     * @param fromStage1 whether the cell starts from the shared stage-1 checkpoint; if not, it has
     *     no stage 1 and trains its stage 2 from scratch
     * @param settings settings below {@code seqaug}, under the matching {@code cells} settings
     */
    public record Variant(String name, String augmenter, boolean fromStage1, Config settings) {}

    /**
     * The variant of a name in {@code augmenters}, if it is one.
     *
     * @param name the name
     * @return the variant
     */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The provider that runs the cells of a name in {@code augmenters}.
     *
     * @param name an augmenter or variant name
     * @return the augmenter provider's name
     */
    public String provider(String name) {
        return variant(name).map(Variant::augmenter).orElse(name);
    }

    /**
     * Whether the cells of a name start from the shared stage-1 checkpoint ({@code grid.from-stage1},
     * or the variant's own {@code from-stage1}) or train one stage from scratch.
     *
     * @param name an augmenter or variant name
     * @return true to start from stage 1
     */
    public boolean startsFromStage1(String name) {
        return variant(name).map(Variant::fromStage1).orElse(fromStage1);
    }

    /**
     * Settings for the cells that match.
     *
     * @param dataset the dataset it applies to, or every one
     * @param backbone the backbone it applies to, or every one
     * @param augmenter the augmenter it applies to, or every one (and then also to stage 1)
     * @param settings settings below {@code seqaug}
     * @param origin where the entry was written
     */
    public record Override(Optional<String> dataset, Optional<String> backbone, Optional<String> augmenter,
            Config settings, ConfigOrigin origin) {

        boolean matches(String d, String b, String a) {
            return dataset.map(d::equals).orElse(true) && backbone.map(b::equals).orElse(true)
                    && augmenter.map(x -> a != null && x.equals(a)).orElse(true);
        }
    }

    private static final Set<String> KEYS = Set.of("name", "datasets", "backbones", "augmenters", "seeds", "cells",
            "claim-timeout", "variants", "from-stage1");
    private static final Set<String> VARIANT_KEYS = Set.of("name", "augmenter", "from-stage1", "settings");
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
            boolean fromStage1 = !grid.hasPath("from-stage1") || grid.getBoolean("from-stage1");
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
                            cell.hasPath("settings") ? cell.getConfig("settings") : ConfigFactory.empty(),
                            cell.root().origin()));
                }
            }
            List<Variant> variants = new ArrayList<>();
            if (grid.hasPath("variants")) {
                for (Config v : grid.getConfigList("variants")) {
                    for (String key : v.root().keySet()) {
                        if (!VARIANT_KEYS.contains(key)) {
                            throw new ConfigError("unknown key " + key + " in grid.variants (" + v.root().origin().description()
                                    + "); known: " + String.join(", ", VARIANT_KEYS));
                        }
                    }
                    Variant variant = new Variant(v.getString("name"), v.getString("augmenter"),
                            v.hasPath("from-stage1") ? v.getBoolean("from-stage1") : fromStage1,
                            v.hasPath("settings") ? v.getConfig("settings") : ConfigFactory.empty());
                    FolderName.check("grid.variants name", variant.name(), v.root().origin().description());
                    if (variant.name().equals("none")) {
                        throw new ConfigError(origin + ": grid.variants name '" + variant.name()
                                + "' must be a simple folder name other than none (" + v.root().origin().description() + ")");
                    }
                    if (variants.stream().anyMatch(x -> x.name().equals(variant.name()))) {
                        throw new ConfigError(origin + ": grid.variants name '" + variant.name() + "' is used twice");
                    }
                    variants.add(variant);
                }
            }
            GridSpec spec = new GridSpec(grid.getString("name"), grid.getStringList("datasets"),
                    grid.getStringList("backbones"), grid.getStringList("augmenters"),
                    grid.hasPath("seeds") ? grid.getLongList("seeds") : List.of(42L), overrides, List.copyOf(variants),
                    grid.hasPath("claim-timeout") ? grid.getDuration("claim-timeout") : Duration.ofMinutes(10), fromStage1);
            if (spec.claimTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigError(origin + ": grid.claim-timeout must be at least 1s, got " + spec.claimTimeout);
            }
            if (spec.datasets.isEmpty() || spec.backbones.isEmpty() || spec.augmenters.isEmpty() || spec.seeds.isEmpty()) {
                throw new ConfigError(origin + ": grid.datasets, backbones, augmenters and seeds must not be empty");
            }
            FolderName.check("grid.name", spec.name, grid.getValue("name").origin().description());
            spec.requireEveryEntryCounts(origin, grid);
            return spec;
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    /**
     * Every entry of the grid changes what runs: a repeated dataset, backbone, augmenter or seed would
     * be run once and reported twice, a fractional seed would be truncated, and a {@code cells} entry
     * that names a dataset, backbone or augmenter the grid does not list would apply to no cell.
     */
    private void requireEveryEntryCounts(String origin, Config grid) {
        onlyOnce(origin, "grid.datasets", datasets);
        onlyOnce(origin, "grid.backbones", backbones);
        onlyOnce(origin, "grid.augmenters", augmenters);
        if (grid.hasPath("seeds")) {
            for (ConfigValue seed : grid.getList("seeds")) {
                if (!(seed.unwrapped() instanceof Integer || seed.unwrapped() instanceof Long)) {
                    throw new ConfigError("grid.seeds holds " + seed.render() + " (" + seed.origin().description()
                            + "): seeds are whole numbers within the range of a 64-bit integer");
                }
            }
        }
        onlyOnce(origin, "grid.seeds", seeds);
        // A file that includes another and narrows its lists (examples/reproduce-yelp-sasrec.conf) may
        // leave the included file's cells for other datasets unused; a cell written beside the list it
        // misses is a mistake.
        for (Override o : overrides) {
            o.dataset().filter(d -> !datasets.contains(d) && sameFile(o.origin(), grid.getValue("datasets").origin()))
                    .ifPresent(d -> {
                        throw matchesNothing(o, "dataset", d, "grid.datasets", datasets);
                    });
            o.backbone().filter(b -> !backbones.contains(b) && sameFile(o.origin(), grid.getValue("backbones").origin()))
                    .ifPresent(b -> {
                        throw matchesNothing(o, "backbone", b, "grid.backbones", backbones);
                    });
            o.augmenter().filter(a -> !augmenters.contains(a) && sameFile(o.origin(), grid.getValue("augmenters").origin()))
                    .ifPresent(a -> {
                        throw matchesNothing(o, "augmenter", a, "grid.augmenters", augmenters);
                    });
        }
    }

    private static boolean sameFile(ConfigOrigin a, ConfigOrigin b) {
        return Objects.equals(a.filename(), b.filename()) && Objects.equals(a.resource(), b.resource())
                && Objects.equals(a.url(), b.url());
    }

    private static void onlyOnce(String origin, String key, List<?> values) {
        Set<Object> seen = new java.util.HashSet<>();
        for (Object v : values) {
            if (!seen.add(v)) {
                throw new ConfigError(origin + ": " + key + " lists " + v + " twice; it would run once and be reported twice");
            }
        }
    }

    private static ConfigError matchesNothing(Override o, String what, String value, String key, List<?> listed) {
        return new ConfigError("grid.cells entry (" + o.origin().description() + ") names " + what + " '" + value + "', which " + key
                + " does not list " + listed + ": its settings would apply to no cell");
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
        Config result = augmenter == null ? ConfigFactory.empty()
                : variant(augmenter).map(Variant::settings).orElse(ConfigFactory.empty());
        for (Override o : overrides) {
            if (o.matches(dataset, backbone, augmenter) && (augmenter != null || o.augmenter().isEmpty())) {
                result = o.settings().withFallback(result);
            }
        }
        return result;
    }
}
