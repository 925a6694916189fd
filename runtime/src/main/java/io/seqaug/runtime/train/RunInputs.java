package io.seqaug.runtime.train;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a run computes from, by content rather than by where it was found: the fingerprint of its
 * data ({@link io.seqaug.datasets.SequenceDataset#fingerprint()}) and of the parameters it started
 * from ({@link Checkpoint#parametersFingerprint()}, empty when it trained from scratch).
 *
 * <p>Runs record their inputs in {@code results.json}, resume points and checkpoints. Wherever a
 * recorded run is compared with a requested one (a rerun, a resume, a grid claiming or reporting a
 * job), the settings that only say where the inputs are ({@link #LOCATION_KEYS}) are left out and
 * the contents are compared instead: a data file edited in place is noticed, and a grid moved to
 * another folder is still the same grid.
 *
 * @param data the data's content fingerprint (64 hex digits)
 * @param init the starting parameters' fingerprint, empty when the run started from scratch, {@code null}
 *     when not known yet (a grid cell whose stage 1 has not finished): then it is not compared
 */
public record RunInputs(String data, String init) {

    /** Settings that name where a run's inputs are; their content is what {@link RunInputs} compares. */
    public static final Set<String> LOCATION_KEYS = Set.of("data.path", "data.dataset", "train.init-from");

    /**
     * Checks the fingerprints.
     *
     * @param data the data's fingerprint
     * @param init the starting parameters' fingerprint, empty for none, {@code null} when not known yet
     */
    public RunInputs {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("a run's inputs need the data's fingerprint");
        }
    }

    /**
     * The inputs as written into a record.
     *
     * @return {@code data} and {@code init}
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("init", init == null ? "" : init);
        return m;
    }

    /**
     * Reads inputs recorded under {@code key}.
     *
     * @param record a parsed record
     * @param key where the inputs are
     * @return the inputs, or empty when the record predates them or holds something else there
     */
    public static Optional<RunInputs> read(Config record, String key) {
        try {
            if (!record.hasPath(key + ".data") || !record.hasPath(key + ".init")) {
                return Optional.empty();
            }
            String data = record.getString(key + ".data");
            return data.isEmpty() ? Optional.empty() : Optional.of(new RunInputs(data, record.getString(key + ".init")));
        } catch (ConfigException e) {
            return Optional.empty();
        }
    }

    /**
     * How these recorded inputs differ from requested ones, in the form of settings differences.
     *
     * @param requested the inputs asked for now
     * @return one line per input whose content differs
     */
    public List<String> differencesFrom(RunInputs requested) {
        List<String> out = new ArrayList<>();
        if (!data.equals(requested.data)) {
            out.add("data content (fingerprint): " + shortly(data) + " -> " + shortly(requested.data));
        }
        if (init != null && requested.init != null && !init.equals(requested.init)) {
            out.add("train.init-from content (parameter fingerprint): " + shortly(init) + " -> " + shortly(requested.init));
        }
        return out;
    }

    private static String shortly(String fingerprint) {
        return fingerprint.isEmpty() ? "(none: trained from scratch)" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
