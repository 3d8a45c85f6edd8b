package io.sparktrain.pipeline.check;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table that passed the check, and the account of what was wrong with it and what was done
 * about it: for the job's console, the data report and the rejects folder.
 *
 * @param uri           the table's URI
 * @param policy        what was done with bad rows
 * @param kept          rows to use: the features as doubles (null where missing, or bad under keep), the
 *                      label as its text (classes) or a double (regression), other columns as read
 * @param rejected      rows left out, for {@link RejectsWriter}: every column as written, then
 *                      {@value RejectsWriter#RAW_RECORD} (text formats), {@value RejectsWriter#SOURCE_FILE},
 *                      {@value RejectsWriter#SOURCE_ROW} and {@value RejectsWriter#REASON}
 * @param rowsRead      rows read; always {@code rowsKept + rowsRejected} (checked by counting both)
 * @param rowsKept      rows in {@code kept}
 * @param rowsRejected  rows in {@code rejected}
 * @param keptWithNulls kept rows whose bad feature values were made missing (policy keep)
 * @param problems      every problem found, per column and kind
 * @param classCounts   kept rows per class, in the order of the classes, of the first label column that holds
 *                      classes; empty for a regression or an unread label
 */
public record CheckedTable(String uri, BadRowPolicy policy, Dataset<Row> kept, Dataset<Row> rejected, long rowsRead,
        long rowsKept, long rowsRejected, long keptWithNulls, List<ProblemCount> problems,
        Map<String, Long> classCounts) {
    public CheckedTable {
        problems = List.copyOf(problems);
    }
}
