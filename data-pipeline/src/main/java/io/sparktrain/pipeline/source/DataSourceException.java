package io.sparktrain.pipeline.source;

/**
 * A problem with input data, reported with the file (and where known the row or column),
 * the bad value and what to do about it, so a user can fix the input without reading code.
 */
public class DataSourceException extends RuntimeException {
    public DataSourceException(String message) {
        super(message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
