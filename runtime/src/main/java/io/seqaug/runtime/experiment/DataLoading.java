package io.seqaug.runtime.experiment;

import io.seqaug.datasets.DatasetException;
import io.seqaug.datasets.DatasetRegistry;
import io.seqaug.datasets.DatasetResolver;
import io.seqaug.datasets.Downloader;
import io.seqaug.datasets.InteractionLogReader;
import io.seqaug.datasets.SequenceDataset;
import io.seqaug.datasets.SequenceFileReader;
import io.seqaug.datasets.SyntheticDataset;
import io.seqaug.runtime.config.ConfigError;
import io.seqaug.runtime.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        Optional<Path> dataDir = dataDir(System.getenv());
        return new DatasetResolver(new DatasetRegistry(), dataDir, cacheDir(settings), new Downloader(showProgress));
    }

    /**
     * The folder named by {@code SEQAUG_DATA_DIR}.
     *
     * @param environment the process environment
     * @return the folder, or empty when the variable is unset or blank
     * @throws ConfigError when it names no folder: a mistyped one would otherwise send every run to the download
     */
    public static Optional<Path> dataDir(Map<String, String> environment) {
        Optional<Path> dataDir = Optional.ofNullable(environment.get(DatasetResolver.DATA_DIR_ENV)).filter(s -> !s.isBlank())
                .map(Path::of);
        if (dataDir.isPresent() && !java.nio.file.Files.isDirectory(dataDir.get())) {
            throw new ConfigError(DatasetResolver.DATA_DIR_ENV + "=" + dataDir.get() + " is not a folder; fix it, or unset it to "
                    + "use the cache and downloads");
        }
        return dataDir;
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
     * @throws DatasetException when the file cannot be found or fetched
     */
    public static Optional<Path> locate(Settings settings) {
        return locate(settings, false);
    }

    private static Optional<Path> locate(Settings settings, boolean showProgress) {
        String dataset = settings.string("data.dataset");
        String explicit = settings.string("data.path");
        if (explicit.isEmpty()) {
            return SYNTHETIC.equals(dataset) ? Optional.empty()
                    : Optional.of(resolver(settings, showProgress).resolve(dataset));
        }
        Path file = Path.of(explicit);
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": no such file");
        }
        return Optional.of(file);
    }

    /**
     * Loads the configured dataset.
     *
     * @param settings the settings
     * @param showProgress whether downloads draw a progress bar
     * @return the dataset
     */
    public static SequenceDataset load(Settings settings, boolean showProgress) {
        Optional<Path> located = locate(settings, showProgress);
        if (located.isEmpty()) {
            int min = settings.integer("data.synthetic.min-length", 3, Integer.MAX_VALUE);
            int max = settings.integer("data.synthetic.max-length", 3, Integer.MAX_VALUE);
            if (min > max) {
                throw new ConfigError("seqaug.data.synthetic.min-length " + min
                        + " is above seqaug.data.synthetic.max-length " + max);
            }
            return SyntheticDataset.generate(settings.integer("data.synthetic.users", 1, Integer.MAX_VALUE),
                    settings.integer("data.synthetic.items", 2, Integer.MAX_VALUE), min, max,
                    settings.number("data.synthetic.noise", 0, 1), settings.longValue("seed"));
        }
        Path file = located.get();
        String format = settings.oneOf("data.format", "sequences", "interactions", "recbole");
        if (format.equals("sequences") && file.getFileName().toString().endsWith(".inter")) {
            // RecBole's atomic interaction file: its extension says what it is
            format = "recbole";
        }
        if (format.equals("sequences")) {
            return new SequenceFileReader(settings.flag("data.strict")).read(file);
        }
        if (format.equals("recbole")) {
            return InteractionLogReader.recbole(settings.string("data.recbole.user-field"),
                    settings.string("data.recbole.item-field"), settings.string("data.recbole.time-field"),
                    settings.integer("data.interactions.k-core", 0, Integer.MAX_VALUE), settings.flag("data.strict")).read(file);
        }
        return new InteractionLogReader(new InteractionLogReader.Format(delimiter(settings),
                settings.string("data.interactions.user-column"), settings.string("data.interactions.item-column"),
                settings.string("data.interactions.time-column"),
                settings.integer("data.interactions.k-core", 0, Integer.MAX_VALUE)), settings.flag("data.strict")).read(file);
    }

    /**
     * The log's field delimiter: one character, or a name for a tab that a command line can carry
     * ({@code tab}, or {@code \t} as two characters).
     */
    private static char delimiter(Settings settings) {
        String delimiter = settings.string("data.interactions.delimiter");
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1) {
            throw new ConfigError("seqaug.data.interactions.delimiter = \"" + delimiter + "\" (" + settings.origin("data.interactions.delimiter")
                    + "): must be one character, or tab (\"\\t\" in a file, tab on a command line)");
        }
        return delimiter.charAt(0);
    }
}
