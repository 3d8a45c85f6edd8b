package io.sparktrain.pipeline.report;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The numbers of the data report's column table, each in one aggregation over the training rows. */
public final class ColumnStatistics {
    private static final int PER_COLUMN = 5;

    private ColumnStatistics() {
    }

    /** Missing values and mean, std, min, max of the present values, per numeric column (nulls count as missing). */
    public static List<ColumnReport> before(Dataset<Row> rows, List<String> columns) {
        List<Column> aggregates = new ArrayList<>(List.of(count(lit(1))));
        for (String name : columns) {
            Column value = col(name);
            aggregates.addAll(List.of(count(value), avg(value), stddev_samp(value), min(value), max(value)));
        }
        Row row = aggregate(rows, aggregates);
        long total = row.getLong(0);
        List<ColumnReport> reports = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            int at = 1 + i * PER_COLUMN;
            reports.add(new ColumnReport(columns.get(i), total - row.getLong(at), null, number(row, at + 1),
                    number(row, at + 2), number(row, at + 3), number(row, at + 4)));
        }
        return reports;
    }

    /**
     * The reports with {@code missingAfter}: rows whose feature-vector entry is NaN or whose vector is
     * missing, when the vector in {@code vectorColumn} has one entry per column, in their order.
     */
    public static List<ColumnReport> after(List<ColumnReport> before, Dataset<Row> transformed, String vectorColumn) {
        Column values = functions.vector_to_array(col(vectorColumn), "float64");
        List<Column> aggregates = new ArrayList<>(List.of(min(size(values)), max(size(values))));
        for (int i = 0; i < before.size(); i++) {
            Column entry = values.getItem(i);
            aggregates.add(count(when(entry.isNull().or(isnan(entry)), 1)));
        }
        Row row = aggregate(transformed, aggregates);
        boolean onePerColumn = !row.isNullAt(0) && row.getInt(0) == before.size() && row.getInt(1) == before.size();
        List<ColumnReport> reports = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            reports.add(before.get(i).withMissingAfter(onePerColumn ? row.getLong(2 + i) : null));
        }
        return reports;
    }

    private static Double number(Row row, int i) {
        return row.isNullAt(i) ? null : ((Number) row.get(i)).doubleValue();
    }

    private static Row aggregate(Dataset<Row> rows, List<Column> aggregates) {
        return rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    }
}
