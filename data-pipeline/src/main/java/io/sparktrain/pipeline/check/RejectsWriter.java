package io.sparktrain.pipeline.check;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes rejected rows ({@link CheckedTable#rejected()}) where a user can read them next to the
 * input: one CSV file with a header, every column as it was written, then where the row came from
 * and why it was left out. Training writes to {@code <bundle>/rejects/}; a scoring job passes its
 * own folder. The folder is replaced: it belongs to the run that writes it.
 */
public final class RejectsWriter {
    /** The text of a record Spark could not parse (csv, json); empty for a parsed one. */
    public static final String RAW_RECORD = "raw_record";
    public static final String SOURCE_FILE = "source_file";
    /** Row number in the source file, 1 = the first data row. */
    public static final String SOURCE_ROW = "source_row";
    public static final String REASON = "reject_reason";

    private RejectsWriter() {
    }

    /** One file: rejects are few by nature, and a user opens them in an editor or a spreadsheet. */
    public static void write(Dataset<Row> rejected, String uri) {
        rejected.repartition(1).write().mode(SaveMode.Overwrite).option("header", true).option("escape", "\"")
                .csv(uri);
    }
}
