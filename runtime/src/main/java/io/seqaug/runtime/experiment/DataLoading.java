package io.seqaug.runtime.experiment;

import io.seqaug.datasets.DatasetRegistry;
import io.seqaug.datasets.DatasetResolver;
import io.seqaug.datasets.Downloader;
import io.seqaug.datasets.InteractionLogReader;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SequenceFileReader;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.runtime.config.Settings;

import java.nio.file.Path;
import java.util.Optional;

/** Turns the {@code seqaug.data} settings into a dataset. */
public final class DataLoading {

    /** The dataset name that selects the generator instead of a file. */
    public static final String SYNTHETIC = "synthetic";

    private DataLoading() {}

    /**
     * A resolver over the registry, {@code SEQAUG_DATA_DIR} and the configured cache.
     *
     * @param settings the settings
     * @param showProgress whether downloads draw a progress bar
     * @return the resolver
     */
    public static DatasetResolver resolver(Settings settings, boolean showProgress) {
        Optional<Path> dataDir = Optional.ofNullable(System.getenv(DatasetResolver.DATA_DIR_ENV))
                .filter(s -> !s.isBlank()).map(Path::of);
        return new DatasetResolver(new DatasetRegistry(), dataDir, cacheDir(settings), new Downloader(showProgress));
    }

    /**
     * The cache folder.
     *
     * @param settings the settings
     * @return {@code seqaug.data.cache-dir}
     */
    public static Path cacheDir(Settings settings) {
        return Path.of(settings.string("data.cache-dir"));
    }

    /**
     * Finds the configured dataset's file without reading it (a registered dataset that is not on
     * disk yet is downloaded and verified, as loading would).
     *
     * @param settings the settings
     * @return the file, or empty for generated data
     * @throws io.seqaug.runtime.config.ConfigError when an explicit path does not exist
     */
    public static Optional<Path> locate(Settings settings) {
        String dataset = settings.string("data.dataset");
        String explicit = settings.string("data.path");
        if (explicit.isEmpty() && SYNTHETIC.equals(dataset)) {
            return Optional.empty();
        }
        if (!explicit.isEmpty()) {
            Path file = Path.of(explicit);
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new io.seqaug.runtime.config.ConfigError("seqaug.data.path: no such file " + file);
            }
            return Optional.of(file);
        }
        return Optional.of(resolver(settings, false).resolve(dataset));
    }

    /**
     * Loads the configured dataset.
     *
     * @param settings the settings
     * @param showProgress whether downloads draw a progress bar
     * @return the dataset
     */
    public static SequenceDataset load(Settings settings, boolean showProgress) {
        String dataset = settings.string("data.dataset");
        String explicit = settings.string("data.path");
        if (explicit.isEmpty() && SYNTHETIC.equals(dataset)) {
            int min = settings.integer("data.synthetic.min-length", 3, Integer.MAX_VALUE);
            int max = settings.integer("data.synthetic.max-length", 3, Integer.MAX_VALUE);
            if (min > max) {
                throw new io.seqaug.runtime.config.ConfigError("seqaug.data.synthetic.min-length " + min
                        + " is above seqaug.data.synthetic.max-length " + max);
            }
            return SyntheticDataset.generate(settings.integer("data.synthetic.users", 1, Integer.MAX_VALUE),
                    settings.integer("data.synthetic.items", 2, Integer.MAX_VALUE),
                    settings.integer("data.synthetic.min-length", 3, Integer.MAX_VALUE),
                    settings.integer("data.synthetic.max-length", 3, Integer.MAX_VALUE),
                    settings.number("data.synthetic.noise", 0, 1), settings.longValue("seed"));
        }
        Path file = explicit.isEmpty() ? resolver(settings, showProgress).resolve(dataset) : Path.of(explicit);
        String format = settings.oneOf("data.format", "sequences", "interactions");
        if (format.equals("sequences")) {
            return new SequenceFileReader(settings.flag("data.strict")).read(file);
        }
        String delimiter = settings.string("data.interactions.delimiter");
        if (delimiter.length() != 1) {
            throw new io.seqaug.runtime.config.ConfigError("seqaug.data.interactions.delimiter must be one character, got \""
                    + delimiter + "\"");
        }
        return new InteractionLogReader(new InteractionLogReader.Format(delimiter.charAt(0),
                settings.string("data.interactions.user-column"), settings.string("data.interactions.item-column"),
                settings.string("data.interactions.time-column"),
                settings.integer("data.interactions.k-core", 0, Integer.MAX_VALUE))).read(file);
    }
}
