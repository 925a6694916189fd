package io.seqaug.api;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provider's settings: its subtree of the experiment's configuration, read with types and
 * ranges, with errors that name the full key and where it was set. The host hands every provider
 * its settings, so no provider writes key prefixes or range checks by hand:
 *
 * <pre>{@code
 * double sigma = settings.number("sigma", 0, 10);
 * }</pre>
 * A bad value fails with, for example, {@code seqaug.augmenter.gaussian-noise.sigma must be in
 * [0, 10], got -1 (experiment.conf: 12)}. Defaults live in the provider's {@code reference.conf}.
 *
 * <p>Components built by another component (an operator inside an augmenter, say) read
 * {@code seqaug.<kind>.<name>} with the keys the parent names on top: see {@link #nested}.
 */
public final class ProviderSettings {

    private final Config config;
    private final String path;

    /**
     * Wraps a subtree.
     *
     * @param config the subtree the provider was given
     * @param path its full path, for example {@code seqaug.augmenter.gaussian-noise}
     */
    public ProviderSettings(Config config, String path) {
        this.config = config;
        this.path = path;
    }

    /**
     * The settings of a component that another component builds by name: the keys the parent
     * names, over {@code seqaug.<kind>.<name>} of the experiment (user settings over defaults).
     *
     * @param root the experiment's {@code seqaug} subtree
     * @param kind {@code operators}, {@code mixups} or {@code weightings}
     * @param name the component's provider name
     * @param overrides keys the parent sets, for example BASRec's {@code rate-min}
     * @return the settings, naming keys {@code seqaug.<kind>.<name>.<key>}
     */
    public static ProviderSettings nested(Config root, String kind, String name, Map<String, ?> overrides) {
        String relative = kind + "." + ConfigUtil.joinPath(name);
        Config own = root.hasPath(relative) ? root.getConfig(relative) : ConfigFactory.empty();
        Config set = ConfigFactory.parseMap(overrides, "set by the component that builds " + name);
        return new ProviderSettings(set.withFallback(own), "seqaug." + relative);
    }

    /**
     * The underlying subtree.
     *
     * @return the subtree
     */
    public Config config() {
        return config;
    }

    /**
     * The full name of a key.
     *
     * @param key a key of this subtree
     * @return for example {@code seqaug.augmenter.gaussian-noise.sigma}
     */
    public String fullKey(String key) {
        return path + "." + key;
    }

    /**
     * A number in a closed range.
     *
     * @param key the key
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws IllegalArgumentException on a missing key, a wrong type or a value out of range
     */
    public double number(String key, double min, double max) {
        double v = read(key, () -> config.getDouble(key));
        if (!(v >= min && v <= max)) {
            throw error(key, String.format(Locale.ROOT, "must be in [%s, %s], got %s", format(min), format(max), format(v)));
        }
        return v;
    }

    /**
     * A method's only loss weight: above 0, since a weight of 0 would switch the method off while its
     * name stays on the results.
     *
     * @param key the key
     * @param max the largest value allowed
     * @return the weight, in (0, max]
     * @throws IllegalArgumentException on a missing key, a wrong type, 0 or a value out of range
     */
    public double weight(String key, double max) {
        double w = number(key, 0, max);
        if (w == 0) {
            throw error(key, "is 0, which switches off the method's only loss: the run would train as augmenter none "
                    + "under this method's name; give a weight above 0 or use augmenter none");
        }
        return w;
    }

    /**
     * An integer in a closed range.
     *
     * @param key the key
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws IllegalArgumentException on a missing key, a wrong type or a value out of range
     */
    public int integer(String key, int min, int max) {
        // the parser stores every whole literal as an integer: a double here is a fraction, which getInt would truncate
        if (config.hasPath(key) && config.getValue(key).unwrapped() instanceof Double d) {
            throw error(key, "must be a whole number, got " + d);
        }
        int v = read(key, () -> config.getInt(key));
        if (v < min || v > max) {
            throw error(key, "must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /**
     * A boolean.
     *
     * @param key the key
     * @return the value
     */
    public boolean flag(String key) {
        return read(key, () -> config.getBoolean(key));
    }

    /**
     * A string.
     *
     * @param key the key
     * @return the value
     */
    public String string(String key) {
        return read(key, () -> config.getString(key));
    }

    /**
     * A list of strings.
     *
     * @param key the key
     * @return the values
     */
    public List<String> strings(String key) {
        return read(key, () -> config.getStringList(key));
    }

    /**
     * One of a fixed set of strings.
     *
     * @param key the key
     * @param allowed the values allowed
     * @return the value
     */
    public String oneOf(String key, String... allowed) {
        String v = string(key);
        if (!Arrays.asList(allowed).contains(v)) {
            throw error(key, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }
        return v;
    }

    private interface Reader<T> {
        T read();
    }

    private <T> T read(String key, Reader<T> reader) {
        try {
            return reader.read();
        } catch (ConfigException.Missing e) {
            throw new IllegalArgumentException(fullKey(key) + " is missing; declare it in the provider's reference.conf", e);
        } catch (ConfigException.WrongType e) {
            throw error(key, "has the wrong type: " + e.getMessage().replaceFirst("^.*?: ", ""));
        }
    }

    /**
     * An error about a key, for checks that involve several keys.
     *
     * @param key the key at fault
     * @param message what is wrong, for example {@code must not exceed rate-max (0.5), got 0.7}
     * @return an exception naming the full key and where it was set, to throw
     */
    public IllegalArgumentException invalid(String key, String message) {
        return error(key, message);
    }

    private IllegalArgumentException error(String key, String message) {
        String where = "";
        if (config.hasPath(key)) {
            ConfigValue value = config.getValue(key);
            where = value.origin() == null ? "" : " (" + value.origin().description() + ")";
        }
        return new IllegalArgumentException(fullKey(key) + " " + message + where);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
