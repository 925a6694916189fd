package io.seqaug.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.seqaug.api.ProviderSettings;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Typed, range-checked reads of the effective configuration. Every error names the key and where
 * its value was set.
 */
public final class Settings {

    private final Config config;

    /**
     * Wraps a validated configuration.
     *
     * @param config the effective configuration (with the {@code seqaug} root)
     */
    public Settings(Config config) {
        this.config = config;
    }

    /**
     * The wrapped configuration.
     *
     * @return the configuration
     */
    public Config config() {
        return config;
    }

    /**
     * A subtree as its own configuration.
     *
     * @param path a path below {@code seqaug}, such as {@code backbone.sasrec}
     * @return the subtree, or an empty configuration when absent
     */
    public Config subtree(String path) {
        String full = ConfigLoader.ROOT + "." + path;
        return config.hasPath(full) ? config.getConfig(full) : ConfigFactory.empty();
    }

    /**
     * A provider's settings, for the provider to read with ranges.
     *
     * @param path a path below {@code seqaug}, such as {@code augmenter.basrec}
     * @return the subtree, naming its keys {@code seqaug.<path>.<key>} in errors
     */
    public ProviderSettings provider(String path) {
        return new ProviderSettings(subtree(path), full(path));
    }

    /**
     * The {@code seqaug} subtree.
     *
     * @return the subtree
     */
    public Config root() {
        return config.getConfig(ConfigLoader.ROOT);
    }

    private String full(String path) {
        return ConfigLoader.ROOT + "." + path;
    }

    /**
     * Where a key was set, for messages.
     *
     * @param path the key below {@code seqaug}
     * @return the file and line, the command line, or the defaults
     */
    public String origin(String path) {
        return where(path);
    }

    private String where(String path) {
        return config.getValue(full(path)).origin().description();
    }

    /** Reads a key with a typed getter; a missing key or a wrong type becomes a {@link ConfigError}. */
    private <T> T read(String path, BiFunction<Config, String, T> getter) {
        try {
            return getter.apply(config, full(path));
        } catch (ConfigException e) {
            throw new ConfigError(e.getMessage(), e);
        }
    }

    private ConfigError range(String path, Object value, String rule) {
        return new ConfigError(full(path) + " = " + value + " (" + where(path) + "): " + rule);
    }

    /**
     * A string.
     *
     * @param path the key below {@code seqaug}
     * @return the value
     */
    public String string(String path) {
        return read(path, Config::getString);
    }

    /**
     * A list of strings.
     *
     * @param path the key below {@code seqaug}
     * @return the values
     */
    public List<String> strings(String path) {
        return read(path, Config::getStringList);
    }

    /**
     * A boolean.
     *
     * @param path the key below {@code seqaug}
     * @return the value
     */
    public boolean flag(String path) {
        return read(path, Config::getBoolean);
    }

    /**
     * An int within bounds.
     *
     * @param path the key below {@code seqaug}
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     */
    public int integer(String path, int min, int max) {
        requireWhole(path);
        int value = read(path, Config::getInt);
        if (value < min || value > max) {
            throw range(path, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * A long (any value).
     *
     * @param path the key below {@code seqaug}
     * @return the value
     */
    public long longValue(String path) {
        requireWhole(path);
        return read(path, Config::getLong);
    }

    /**
     * A count or a seed takes whole numbers only: the typed reads would truncate {@code 2.7} to 2 and
     * clamp a seed beyond the 64-bit range, while the recorded settings kept the value the user wrote.
     * (The parser stores every whole literal, {@code 3.0} too, as an integer or a long.)
     */
    private void requireWhole(String path) {
        Number value;
        try {
            value = config.getNumber(full(path)); // a string of digits too, as the typed reads would take it
        } catch (ConfigException e) {
            return; // missing or not a number: the typed read says so
        }
        if (value instanceof Double) {
            throw range(path, config.getValue(full(path)).render(), "must be a whole number within the range of a 64-bit integer");
        }
    }

    /**
     * A double within bounds (inclusive).
     *
     * @param path the key below {@code seqaug}
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the value
     */
    public double number(String path, double min, double max) {
        double value = read(path, Config::getDouble);
        if (!(value >= min && value <= max)) {
            throw range(path, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /**
     * A string from a fixed set.
     *
     * @param path the key below {@code seqaug}
     * @param allowed the allowed values
     * @return the value
     */
    public String oneOf(String path, String... allowed) {
        String value = string(path);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw range(path, "\"" + value + "\"", "must be one of " + String.join(", ", allowed));
    }
}
