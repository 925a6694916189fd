package io.seqaug.datasets;

/**
 * A dataset could not be read, found, downloaded or verified. The message always names the file or
 * dataset and, for format errors, the line.
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where
     */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong and where
     * @param cause the underlying error
     */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A format error at one line of a file.
     *
     * @param source the file (or other source) name
     * @param line the 1-based line number
     * @param reason what is wrong with the line
     * @return the exception
     */
    public static DatasetException atLine(String source, long line, String reason) {
        return new DatasetException(source + ":" + line + ": " + reason);
    }
}
