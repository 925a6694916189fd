package io.seqaug.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;

import java.util.Map;

/**
 * Settings whose names changed. A configuration file that still uses an old name is refused with
 * the new name; settings recorded by an older SeqAug (in {@code results.json} and checkpoints) are
 * read under the new names.
 */
public final class RenamedKeys {

    /** Old key below {@code seqaug} to its new name. */
    private static final Map<String, String> RENAMED = Map.of(
            "train.epochs", "train.stage1.epochs",
            "train.patience", "train.stage1.patience",
            "train.start-valid", "train.stage1.start-valid",
            "train.stage2-epochs", "train.stage2.epochs",
            "train.stage2-patience", "train.stage2.patience",
            "train.stage2-start-valid", "train.stage2.start-valid");

    private RenamedKeys() {}

    /**
     * The new name of a key that was renamed.
     *
     * @param path a full key such as {@code seqaug.train.epochs}
     * @return the full new key, or {@code null} when the key was not renamed
     */
    public static String newName(String path) {
        String prefix = ConfigLoader.ROOT + ".";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String renamed = RENAMED.get(path.substring(prefix.length()));
        return renamed == null ? null : prefix + renamed;
    }

    /**
     * Settings recorded under the old names, under the new ones. Before the rename, a stage-2
     * patience or start-valid of -1 meant "as stage 1": it becomes stage 1's value.
     *
     * @param recorded a {@code seqaug} subtree as an older version wrote it
     * @return the same settings under the current names (unchanged when nothing was renamed)
     */
    public static Config upgrade(Config recorded) {
        Config out = recorded;
        for (Map.Entry<String, String> e : RENAMED.entrySet()) {
            if (recorded.hasPath(e.getKey())) {
                out = out.withoutPath(e.getKey()).withValue(e.getValue(), recorded.getValue(e.getKey()));
            }
        }
        for (String key : new String[] {"patience", "start-valid"}) {
            String stage2 = "train.stage2." + key;
            String stage1 = "train.stage1." + key;
            if (out.hasPath(stage2) && out.getInt(stage2) == -1 && out.hasPath(stage1)) {
                out = out.withValue(stage2, ConfigValueFactory.fromAnyRef(out.getInt(stage1)));
            }
        }
        return out;
    }
}
