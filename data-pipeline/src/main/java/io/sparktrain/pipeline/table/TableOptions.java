package io.sparktrain.pipeline.table;

import java.util.List;

/**
 * How a table file is read.
 *
 * @param format     csv, json (JSON lines, or one JSON array with {@code multiLine}) or parquet
 * @param header     csv: the first line names the columns
 * @param delimiter  csv: field separator
 * @param nullValues csv: cell texts that mean "missing" (besides an empty cell), e.g. NA or ?
 * @param multiLine  json: the file is one JSON document (an array of rows) rather than one row per line
 */
public record TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine) {
    public static final List<String> FORMATS = List.of("csv", "json", "parquet");

    public TableOptions {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("table format '" + format + "' is not one of " + FORMATS);
        }
        nullValues = List.copyOf(nullValues);
    }
}
