package io.sparktrain.pipeline.table;

import java.util.List;

/**
 * How a table file is read.
 *
 * @param format      csv, json (JSON lines, or one JSON array with {@code multiLine}), parquet or libsvm
 * @param header      csv: the first line names the columns
 * @param delimiter   csv: field separator
 * @param nullValues  csv: cell texts that mean "missing" (besides an empty cell), e.g. NA or ?
 * @param multiLine   json: the file is one JSON document (an array of rows) rather than one row per line
 * @param numFeatures libsvm: the length of the feature vector (the largest feature index); 0 for other formats
 */
public record TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine,
        int numFeatures) {
    public static final List<String> FORMATS = List.of("csv", "json", "parquet", "libsvm");

    public TableOptions {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("table format '" + format + "' is not one of " + FORMATS);
        }
        if (format.equals("libsvm") && numFeatures < 1) {
            throw new IllegalArgumentException("a libsvm table needs numFeatures >= 1, got " + numFeatures);
        }
        nullValues = List.copyOf(nullValues);
    }

    /** A csv, json or parquet table. */
    public TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine) {
        this(format, header, delimiter, nullValues, multiLine, 0);
    }
}
