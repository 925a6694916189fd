package io.seqaug.runtime.config;

/**
 * Names that become one folder below a folder the user chose ({@code run-name}, {@code grid.name},
 * a variant's name): a single path element, so that a run always stays inside its output folder.
 */
public final class FolderName {

    private FolderName() {}

    /**
     * Checks a name.
     *
     * @param what the setting, for the message (for example {@code seqaug.run-name})
     * @param name the value
     * @param origin where it was set, for the message
     * @return the name
     * @throws ConfigError when it is empty, {@code .} or {@code ..}, or holds anything but letters,
     *     digits, dots, underscores and dashes (a path separator, for instance)
     */
    public static String check(String what, String name, String origin) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
            throw new ConfigError(what + " = '" + name + "' (" + origin + "): must be one folder name of letters, digits, "
                    + "'.', '_' and '-' (not '.' or '..'), so that the run stays inside its output folder");
        }
        return name;
    }
}
