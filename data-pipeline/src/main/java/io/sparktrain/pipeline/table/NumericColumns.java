package io.sparktrain.pipeline.table;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types the numeric columns of a table as doubles and refuses values that are not numbers or not
 * finite, naming the column, how many and one example, in one message for all columns at once.
 */
public final class NumericColumns {
    private NumericColumns() {
    }

    /**
     * @param where   the table's URI, for messages
     * @param namedIn the setting that lists these columns, for messages
     */
    public static Dataset<Row> asDoubles(Dataset<Row> rows, List<String> columns, String where, String namedIn) {
        return asDoubles(rows, columns, where, namedIn, SettingNames.LIBRARY);
    }

    /** As {@link #asDoubles(Dataset, List, String, String)}, with messages that name {@code settings}. */
    public static Dataset<Row> asDoubles(Dataset<Row> rows, List<String> columns, String where, String namedIn,
            SettingNames settings) {
        requirePresent(rows, columns, where, namedIn);
        List<Column> badCounts = new ArrayList<>();
        List<Column> badExamples = new ArrayList<>();
        for (String name : columns) {
            Column raw = col(name);
            Column asDouble = raw.cast(DataTypes.DoubleType);
            Column bad = raw.isNotNull().and(asDouble.isNull().or(isnan(asDouble))
                    .or(asDouble.equalTo(Double.POSITIVE_INFINITY)).or(asDouble.equalTo(Double.NEGATIVE_INFINITY)));
            badCounts.add(count(when(bad, 1)).as("n_" + name));
            badExamples.add(first(when(bad, raw.cast(DataTypes.StringType)), true).as("e_" + name));
        }
        List<Column> all = new ArrayList<>(badCounts);
        all.addAll(badExamples);
        Row found = rows.agg(all.get(0), all.subList(1, all.size()).toArray(Column[]::new)).first();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            long n = found.getLong(i);
            if (n > 0) {
                problems.add("column '" + columns.get(i) + "' has " + n + " value(s) that are not finite numbers, e.g. '"
                        + found.getString(columns.size() + i) + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new DataSourceException(where + ": " + String.join("; ", problems)
                    + ". Fix the data, declare these texts as missing (" + settings.nullValues() + "), or leave the column"
                    + " out of " + namedIn);
        }
        Column[] typed = Arrays.stream(rows.columns())
                .map(name -> columns.contains(name) ? col(name).cast(DataTypes.DoubleType).as(name) : col(name))
                .toArray(Column[]::new);
        return rows.select(typed);
    }

    /** @param namedIn the setting that lists these columns, for messages */
    public static void requirePresent(Dataset<Row> rows, List<String> columns, String where, String namedIn) {
        List<String> present = Arrays.stream(rows.columns()).filter(c -> !c.equals(TableReader.CORRUPT_RECORD)).toList();
        List<String> absent = columns.stream().filter(c -> !present.contains(c)).toList();
        if (!absent.isEmpty()) {
            throw new DataSourceException(where + " has no column(s) " + absent + " named in " + namedIn
                    + "; its columns are " + present);
        }
    }
}
