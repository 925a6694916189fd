package io.seqaug.runtime.config;

/**
 * A configuration problem: an unknown key, a wrong type, a value out of range, an unknown provider
 * name. The message names the key and where it was set. The CLI exits with code 2 on it.
 */
public final class ConfigError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param message what is wrong, naming the key and its origin
     */
    public ConfigError(String message) {
        super(message);
    }

    /**
     * Creates the error with a cause.
     *
     * @param message what is wrong
     * @param cause the underlying exception
     */
    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }
}
