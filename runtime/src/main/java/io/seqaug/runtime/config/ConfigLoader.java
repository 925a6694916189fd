package io.seqaug.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration: every {@code reference.conf} on the class path and in plugin
 * jars, then the experiment file, then {@code -Dseqaug.key=value} overrides. Keys under
 * {@code seqaug} that no reference declares and values of the wrong type are errors naming the key
 * and the file and line they came from.
 */
public final class ConfigLoader {

    /** The root path of all SeqAug settings. */
    public static final String ROOT = "seqaug";

    private final ClassLoader classLoader;

    /**
     * Creates a loader.
     *
     * @param classLoader the loader whose {@code reference.conf} resources define the known keys
     *     (the plugin class loader, so plugins can declare their own settings)
     */
    public ConfigLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * The merged reference configuration, resolved.
     *
     * @return the defaults
     */
    public Config reference() {
        ConfigFactory.invalidateCaches();
        try {
            return ConfigFactory.defaultReference(classLoader);
        } catch (ConfigException e) {
            // A plugin's broken reference.conf: Typesafe's message names the jar and the line.
            throw new ConfigError("cannot read the settings a plugin declares: " + e.getMessage(), e);
        }
    }

    /**
     * Loads and validates.
     *
     * @param file the experiment file, or {@code null} for defaults only
     * @param overrides {@code key=value} pairs; keys may omit the {@code seqaug.} prefix
     * @return the effective configuration, resolved
     * @throws ConfigError on a missing file, a syntax error, an unknown key or a wrong type
     */
    public Config load(Path file, Map<String, String> overrides) {
        return merge(reference(), parseFile(file), overrides);
    }

    /**
     * Parses an experiment file.
     *
     * @param file the file, or {@code null} for none
     * @return its settings, unresolved (empty for {@code null})
     * @throws ConfigError when the file is missing or malformed
     */
    public static Config parseFile(Path file) {
        if (file == null) {
            return ConfigFactory.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigError(file + ": configuration file not found");
        }
        try {
            // Absolute, so that `include "examples/x.conf"` in a file given as a bare name resolves
            // next to it (a file without a parent folder resolved its includes nowhere).
            return ConfigFactory.parseFile(file.toAbsolutePath().toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                    .setIncluder(new RequiredIncludes()));
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        } catch (ConfigError e) {
            throw new ConfigError(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads settings saved as HOCON text (as in a checkpoint) and validates them.
     *
     * @param text the saved settings, rooted at {@code seqaug}
     * @param origin a description of where the text came from, for messages
     * @param overrides {@code key=value} pairs applied on top
     * @return the effective configuration
     */
    public Config loadText(String text, String origin, Map<String, String> overrides) {
        Config user;
        try {
            user = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin));
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        return merge(reference(), user, overrides);
    }

    /**
     * Loads without rejecting unknown keys, to read settings needed before plugins are loaded.
     *
     * @param file the experiment file, or {@code null}
     * @param overrides {@code key=value} pairs
     * @return the merged configuration, resolved
     * @throws ConfigError on a missing file or a syntax error
     */
    public Config loadLenient(Path file, Map<String, String> overrides) {
        Config user = parseFile(file);
        try {
            return parseOverrides(overrides).withFallback(user).withFallback(reference()).resolve();
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    /**
     * Merges a parsed user configuration and overrides onto the reference and validates.
     *
     * @param reference the defaults
     * @param user the user's settings
     * @param overrides {@code key=value} pairs
     * @return the effective configuration
     */
    public Config merge(Config reference, Config user, Map<String, String> overrides) {
        Config layered = parseOverrides(overrides).withFallback(user);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : layered.entrySet()) {
            String path = entry.getKey();
            if (path.startsWith(ROOT + ".") && !reference.hasPathOrNull(path)) {
                String renamed = RenamedKeys.newName(path);
                problems.add((renamed == null ? "unknown key " + path : path + " was renamed " + renamed)
                        + " (" + entry.getValue().origin().description() + ")");
            } else if (!path.startsWith(ROOT + ".") && !path.startsWith("grid.")) {
                // Besides seqaug { ... }, a file may hold a comparison's grid { ... } block.
                problems.add("unknown top-level key " + path + " (" + entry.getValue().origin().description()
                        + "); settings live in a " + ROOT + " { ... } block");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(String.join("; ", problems));
        }
        Config merged;
        try {
            merged = layered.withFallback(reference).resolve();
            merged.checkValid(reference, ROOT);
            checkScalars(merged, reference);
        } catch (ConfigException.ValidationFailed e) {
            List<String> messages = new ArrayList<>();
            for (ConfigException.ValidationProblem p : e.problems()) {
                messages.add(p.path() + ": " + p.problem() + " (" + p.origin().description() + ")");
            }
            throw new ConfigError(String.join("; ", messages), e);
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
        return merged;
    }

    /**
     * Typesafe Config accepts a string wherever the reference has a number or boolean, since strings
     * may convert; check that they do now, not when the value is first read.
     */
    private static void checkScalars(Config merged, Config reference) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : reference.entrySet()) {
            String path = entry.getKey();
            if (!path.startsWith(ROOT + ".") || !merged.hasPath(path)) {
                continue;
            }
            try {
                switch (entry.getValue().valueType()) {
                    // whole numbers are checked where they are read (Settings.integer): the parser keeps no
                    // trace of a default written 0.0, so the reference cannot tell counts from fractions
                    case NUMBER -> merged.getNumber(path);
                    case BOOLEAN -> merged.getBoolean(path);
                    default -> { }
                }
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigError(String.join("; ", problems));
        }
    }

    private static Config parseOverrides(Map<String, String> overrides) {
        Config result = ConfigFactory.empty();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String key = e.getKey().startsWith(ROOT + ".") ? e.getKey() : ROOT + "." + e.getKey();
            String origin = "command line -D" + key + "=" + e.getValue();
            Config one;
            try {
                one = ConfigFactory.parseString(key + " = " + quoteIfNeeded(e.getValue()),
                        ConfigParseOptions.defaults().setOriginDescription(origin));
            } catch (ConfigException ex) {
                throw new ConfigError("cannot parse " + origin + ": " + ex.getMessage(), ex);
            }
            result = one.withFallback(result);
        }
        return result;
    }

    /** Values such as paths with slashes or colons are not valid unquoted HOCON. */
    private static String quoteIfNeeded(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return "\"\"";
        }
        boolean structured = v.startsWith("[") || v.startsWith("{") || v.startsWith("\"");
        if (structured || v.matches("-?[0-9.eE+-]+|true|false|null")) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
