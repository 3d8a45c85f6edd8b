package io.sparktrain.pipeline.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rows per class: what the check and the data report say about a label (one small aggregation). */
public final class ClassCounts {
    private ClassCounts() {
    }

    /**
     * @param label   the label as text
     * @param classes the class names, in class-index order
     * @return rows per class in the order of {@code classes} (0 for a class without rows), then any other value found
     */
    public static Map<String, Long> of(Dataset<Row> rows, Column label, List<String> classes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, 0L));
        for (Row row : rows.groupBy(label.as("class")).count().collectAsList()) {
            if (!row.isNullAt(0)) {
                counts.put(row.getString(0), row.getLong(1));
            }
        }
        return counts;
    }
}
