package io.sparktrain.pipeline.table;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a table file is read.
 *
 * @param format      csv, json (JSON lines, or one JSON array with {@code multiLine}), parquet or libsvm
 * @param header      csv: the first line names the columns
 * @param delimiter   csv: field separator
 * @param nullValues  csv: cell texts that mean "missing" (besides an empty cell), e.g. NA or ?
 * @param multiLine   json: the file is one JSON document (an array of rows) rather than one row per line
 * @param numFeatures libsvm: the length of the feature vector (the largest feature index); 0 for other formats
 * @param schema      the declared columns and their types ({@link DeclaredSchema}); empty to take the
 *                    columns the files name (csv: as text, json: inferred, parquet: as stored)
 */
public record TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine,
        int numFeatures, Optional<StructType> schema) {
    public static final List<String> FORMATS = List.of("csv", "json", "parquet", "libsvm");

    public TableOptions {
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("table format '" + format + "' is not one of " + FORMATS);
        }
        if (format.equals("libsvm") && numFeatures < 1) {
            throw new IllegalArgumentException("a libsvm table needs numFeatures >= 1, got " + numFeatures);
        }
        if (format.equals("libsvm") && schema.isPresent()) {
            throw new IllegalArgumentException("a libsvm table has fixed columns (label, f1..fN) and takes no schema");
        }
        nullValues = List.copyOf(nullValues);
    }

    /** A table whose columns are the ones its files name. */
    public TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine,
            int numFeatures) {
        this(format, header, delimiter, nullValues, multiLine, numFeatures, Optional.empty());
    }

    /** A csv, json or parquet table whose columns are the ones its files name. */
    public TableOptions(String format, boolean header, String delimiter, List<String> nullValues, boolean multiLine) {
        this(format, header, delimiter, nullValues, multiLine, 0);
    }

    /**
     * These options with a column left out of the declared schema: scoring input has no label
     * column, and a headerless file without it names its fields by the remaining declared columns.
     */
    public TableOptions without(String column) {
        return new TableOptions(format, header, delimiter, nullValues, multiLine, numFeatures, schema.map(declared ->
                new StructType(Arrays.stream(declared.fields()).filter(f -> !f.name().equals(column))
                        .toArray(StructField[]::new))));
    }
}
