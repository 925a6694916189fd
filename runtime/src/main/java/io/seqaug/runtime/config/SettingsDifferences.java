package io.seqaug.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between the settings a run recorded and the settings asked for now, ignoring those
 * that change how a run is shown or where its files live, not what it computes, and the blocks of
 * the backbones and augmenters the run does not use: a run builds its backbone from
 * {@code backbone.<its backbone>} and its augmenter from {@code augmenter.<its augmenter>} alone
 * (each provider is handed only its own block), so a grid whose {@code coserec} settings change
 * keeps its finished {@code none} and {@code basrec} cells.
 */
public final class SettingsDifferences {

    /**
     * Settings that change how a run is shown, where its folder and caches are (the same grid folder
     * may be reached by another path: relative or absolute, or mounted elsewhere on another machine),
     * or whether it may continue an interrupted run, not what it computes; and {@code commit}, which
     * launchers before this version leaked into saved settings.
     */
    private static final Set<String> PRESENTATION = Set.of("train.progress", "train.prefetch", "train.resume",
            "output-dir", "run-name", "data.cache-dir", "plugins-dir", "commit");

    private SettingsDifferences() {}

    /**
     * What differs between two settings trees (both below {@code seqaug}).
     *
     * @param recordedAsWritten the recorded settings, possibly under key names an older version used
     * @param requested the requested settings
     * @param defaults the reference settings: a key that an older run did not record yet counts as
     *     its default, which is what that run computed with
     * @return one {@code key: recorded -> requested} line per difference, keys sorted
     */
    public static List<String> between(Config recordedAsWritten, Config requested, Config defaults) {
        return between(recordedAsWritten, requested, defaults, Set.of());
    }

    /**
     * What differs between two settings trees, leaving out some keys besides the presentation ones.
     *
     * @param recordedAsWritten the recorded settings, possibly under key names an older version used
     * @param requested the requested settings
     * @param defaults the reference settings, for keys an older run did not record
     * @param alsoIgnored keys compared some other way (for example by the content they point at)
     * @return one {@code key: recorded -> requested} line per difference, keys sorted
     */
    public static List<String> between(Config recordedAsWritten, Config requested, Config defaults, Set<String> alsoIgnored) {
        Config recorded = RenamedKeys.upgrade(recordedAsWritten);
        Set<String> keys = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : recorded.entrySet()) {
            keys.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : requested.entrySet()) {
            keys.add(e.getKey());
        }
        String backbone = agreed(recorded, requested, "model.backbone");
        String augmenter = agreed(recorded, requested, "augmenter.name");
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (PRESENTATION.contains(key) || alsoIgnored.contains(key)
                    || anotherProvidersBlock(key, "backbone", backbone)
                    || anotherProvidersBlock(key, "augmenter", augmenter)) {
                continue;
            }
            String a = recorded.hasPath(key) ? render(recorded.getValue(key))
                    : defaults.hasPath(key) ? render(defaults.getValue(key)) : "(absent)";
            String b = requested.hasPath(key) ? render(requested.getValue(key)) : "(absent)";
            if (!a.equals(b)) {
                out.add(key + ": " + a + " -> " + b);
            }
        }
        return out;
    }

    /** The value both trees give the key, or null when one lacks it or they differ (then that key is the difference). */
    private static String agreed(Config recorded, Config requested, String key) {
        if (!recorded.hasPath(key) || !requested.hasPath(key)) {
            return null;
        }
        String a = render(recorded.getValue(key));
        return a.equals(render(requested.getValue(key))) ? a : null;
    }

    /**
     * Whether the key lies in the block of a provider of this kind other than the one the run uses,
     * for example {@code augmenter.coserec.temperature} for a {@code basrec} run.
     */
    private static boolean anotherProvidersBlock(String key, String kind, String used) {
        if (used == null) {
            return false;
        }
        List<String> path = ConfigUtil.splitPath(key);
        return path.size() > 2 && path.get(0).equals(kind) && !path.get(1).equals(used);
    }

    /**
     * The first three differences on one line, and how many more there are.
     *
     * @param differences the lines {@link #between} returned
     * @return a summary for an error message
     */
    public static String summary(List<String> differences) {
        return String.join("; ", differences.subList(0, Math.min(3, differences.size())))
                + (differences.size() > 3 ? "; and " + (differences.size() - 3) + " more" : "");
    }

    private static String render(ConfigValue value) {
        Object raw = value.unwrapped();
        // 1 and 1.0 are one setting.
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return Long.toString((long) n.doubleValue());
        }
        return String.valueOf(raw);
    }
}
