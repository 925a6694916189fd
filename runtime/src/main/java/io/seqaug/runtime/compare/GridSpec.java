package io.seqaug.runtime.compare;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.FolderName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    public record Variant(String name, String augmenter, boolean fromStage1, Config settings, Optional<SweepPoint> swept) {

        /**
         * A variant written in {@code grid.variants}.
         *
         * @param name its name
         * @param augmenter the provider it runs
         * @param fromStage1 whether it starts from the shared stage 1
         * @param settings its settings
         */
        public Variant(String name, String augmenter, boolean fromStage1, Config settings) {
            this(name, augmenter, fromStage1, settings, Optional.empty());
        }
    }

    /**
     * One point of a {@code grid.sweep}: the method it sweeps (a name in {@code grid.augmenters}) and
     * the value of every swept key, in the sweep's key order.
     *
     * @param method the augmenter name the sweep replaced
     * @param values swept key (below {@code seqaug}) to value
     */
    public record SweepPoint(String method, Map<String, Object> values) {}

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
        return variant(name).map(v -> v.swept().isPresent() ? provider(v.augmenter()) : v.augmenter()).orElse(name);
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
            "claim-timeout", "variants", "from-stage1", "sweep", "sweep-limit");
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
            List<String> augmenters = new ArrayList<>(grid.getStringList("augmenters"));
            if (grid.hasPath("sweep")) {
                expandSweep(grid, origin, augmenters, variants, fromStage1);
            }
            GridSpec spec = new GridSpec(grid.getString("name"), grid.getStringList("datasets"),
                    grid.getStringList("backbones"), List.copyOf(augmenters),
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
     * Replaces each swept method in {@code augmenters} by one variant per combination of the swept
     * values ({@code grid.sweep { "augmenter.basrec.beta" = [0.2, 0.4] }}): the keys of one method form
     * a product, capped by {@code grid.sweep-limit} (default 32) per method.
     */
    private static void expandSweep(Config grid, String origin, List<String> augmenters, List<Variant> variants,
            boolean fromStage1) {
        ConfigObject sweep = grid.getObject("sweep");
        int limit = grid.hasPath("sweep-limit") ? grid.getInt("sweep-limit") : 32;
        Map<String, Map<String, List<Object>>> byMethod = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : sweep.entrySet()) {
            // a quoted key ("augmenter.basrec.beta") is one entry; an unquoted one nests objects
            collectSweepKeys(e.getKey(), e.getValue(), origin, augmenters, byMethod);
        }
        for (Map.Entry<String, Map<String, List<Object>>> method : byMethod.entrySet()) {
            // keys in alphabetical order, so that names and combinations do not depend on how the file lists them
            List<String> keys = new ArrayList<>(new java.util.TreeSet<>(method.getValue().keySet()));
            long size = 1;
            for (List<Object> values : method.getValue().values()) {
                size *= values.size();
            }
            if (size > limit) {
                throw new ConfigError(origin + ": grid.sweep of " + method.getKey() + " makes " + size + " combinations of "
                        + keys + ", above grid.sweep-limit = " + limit + "; sweep fewer values or raise the limit");
            }
            List<String> names = new ArrayList<>();
            int[] index = new int[keys.size()];
            for (long n = 0; n < size; n++) {
                Map<String, Object> point = new LinkedHashMap<>();
                StringBuilder name = new StringBuilder(method.getKey());
                for (int k = 0; k < keys.size(); k++) {
                    Object value = method.getValue().get(keys.get(k)).get(index[k]);
                    point.put(keys.get(k), value);
                    String leaf = keys.get(k).substring(keys.get(k).lastIndexOf('.') + 1).replace("-", "");
                    name.append('-').append(leaf).append(render(value));
                }
                String variantName = name.toString();
                FolderName.check("grid.sweep variant name", variantName, sweep.origin().description());
                if (variants.stream().anyMatch(v -> v.name().equals(variantName))) {
                    throw new ConfigError(origin + ": grid.sweep makes the variant " + variantName + ", which grid.variants names too");
                }
                variants.add(new Variant(variantName, method.getKey(), fromStage1, ConfigFactory.parseMap(point),
                        Optional.of(new SweepPoint(method.getKey(), point))));
                names.add(variantName);
                for (int k = keys.size() - 1; k >= 0; k--) {
                    if (++index[k] < method.getValue().get(keys.get(k)).size()) {
                        break;
                    }
                    index[k] = 0;
                }
            }
            int at = augmenters.indexOf(method.getKey());
            augmenters.remove(at);
            augmenters.addAll(at, names);
        }
    }

    private static void collectSweepKeys(String path, ConfigValue value, String origin, List<String> augmenters,
            Map<String, Map<String, List<Object>>> byMethod) {
        if (value instanceof ConfigObject object) {
            for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
                collectSweepKeys(path + "." + e.getKey(), e.getValue(), origin, augmenters, byMethod);
            }
            return;
        }
        String where = " (" + value.origin().description() + ")";
        List<String> parts = ConfigUtil.splitPath(path);
        if (parts.size() < 3 || !parts.get(0).equals("augmenter")) {
            throw new ConfigError("grid.sweep key " + path + where + " is not an augmenter's setting"
                    + " (augmenter.<name>.<key>); sweeps compare settings of one method");
        }
        String method = parts.get(1);
        if (!augmenters.contains(method)) {
            throw new ConfigError("grid.sweep key " + path + where + " sweeps " + method + ", which grid.augmenters does not list "
                    + augmenters);
        }
        if (!(value instanceof ConfigList list) || list.isEmpty()) {
            throw new ConfigError("grid.sweep." + path + where + " must be a non-empty list of values");
        }
        List<Object> values = new ArrayList<>();
        for (ConfigValue v : list) {
            if (values.contains(v.unwrapped())) {
                throw new ConfigError("grid.sweep." + path + where + " lists " + v.render() + " twice");
            }
            values.add(v.unwrapped());
        }
        byMethod.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(path, values);
    }

    /** A value as it appears in a variant's name: {@code 0.2}, {@code 3}, {@code item-wise}. */
    static String render(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d)
                    .stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value).replaceAll("[^A-Za-z0-9.]+", "");
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
        for (Variant v : variants) {
            if (v.swept().isEmpty()) {
                requireOwnAugmenterBlock("grid.variants entry '" + v.name() + "'", v.settings(), v.augmenter(),
                        v.settings().root().origin().description());
            }
        }
        for (Override o : overrides) {
            o.augmenter().ifPresent(a -> requireOwnAugmenterBlock("grid.cells entry for augmenter '" + a + "'", o.settings(),
                    provider(a), o.origin().description()));
        }
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
            o.augmenter().filter(a -> !augmenters.contains(a) && variants.stream().noneMatch(v -> v.swept().isPresent()
                    && v.swept().get().method().equals(a)) && sameFile(o.origin(), grid.getValue("augmenters").origin()))
                    .ifPresent(a -> {
                        throw matchesNothing(o, "augmenter", a, "grid.augmenters", augmenters);
                    });
        }
    }

    /**
     * Settings written for one augmenter's cells are read only from that augmenter's block: another
     * provider's block, or {@code augmenter.name} (which the grid sets from the cell's augmenter), would
     * do nothing, and the cell would report the unchanged augmenter under a name that says otherwise.
     */
    private static void requireOwnAugmenterBlock(String what, Config settings, String provider, String where) {
        if (!settings.hasPath("augmenter")) {
            return;
        }
        for (String key : settings.getConfig("augmenter").root().keySet()) {
            if (!key.equals(provider)) {
                throw new ConfigError(what + " (" + where + ") sets augmenter." + key + ", but its cells run augmenter '"
                        + provider + "', which reads only augmenter." + provider + ": the setting would do nothing");
            }
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
        Optional<Variant> variant = augmenter == null ? Optional.empty() : variant(augmenter);
        Optional<SweepPoint> swept = variant.flatMap(Variant::swept);
        // a sweep's point takes the cells of the method it sweeps, and its own values win over them
        String matched = swept.map(SweepPoint::method).orElse(augmenter);
        Config result = swept.isPresent() ? ConfigFactory.empty() : variant.map(Variant::settings).orElse(ConfigFactory.empty());
        for (Override o : overrides) {
            if (o.matches(dataset, backbone, matched) && (augmenter != null || o.augmenter().isEmpty())) {
                result = o.settings().withFallback(result);
            }
        }
        return swept.isPresent() ? variant.get().settings().withFallback(result) : result;
    }
}
