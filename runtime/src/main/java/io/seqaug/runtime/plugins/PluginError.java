package io.seqaug.runtime.plugins;

/** A plugin jar could not be loaded, or two providers claim the same name. */
public final class PluginError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what went wrong, naming the jar(s)
     * @param cause the underlying error, may be {@code null}
     */
    public PluginError(String message, Throwable cause) {
        super(message, cause);
    }
}
