package io.sparktrain.pipeline.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.pipeline.source.DataSourceException;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads a table from any Hadoop URI with Spark's own readers, on the executors. CSV columns are
 * read as text and typed later ({@link NumericColumns}), so a cell that is not a number is
 * reported with its column and value instead of silently becoming null.
 */
public final class TableReader {
    private final SparkSession spark;

    public TableReader(SparkSession spark) {
        this.spark = spark;
    }

    public Dataset<Row> read(String uri, TableOptions options) {
        DataFrameReader reader = spark.read();
        Dataset<Row> rows;
        try {
            rows = switch (options.format()) {
                case "csv" -> reader.option("header", options.header()).option("sep", options.delimiter())
                        .option("inferSchema", false).option("mode", "FAILFAST").csv(uri);
                case "json" -> reader.option("multiLine", options.multiLine()).option("mode", "FAILFAST").json(uri);
                default -> reader.parquet(uri);
            };
        } catch (Exception e) {
            // Spark throws its checked SparkException from Scala code, so catch everything here.
            String hint = options.format().equals("json") && !options.multiLine()
                    ? " (read as JSON lines, one object per line; if the file holds one JSON array, set"
                            + " data.table.multi-line = true)" : "";
            throw new DataSourceException("cannot read " + options.format() + " table " + uri + hint + ": "
                    + rootMessage(e), e);
        }
        return options.format().equals("csv") ? withNulls(rows, options) : rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Empty cells and the configured null texts become nulls. */
    private static Dataset<Row> withNulls(Dataset<Row> rows, TableOptions options) {
        Column[] columns = Arrays.stream(rows.columns()).map(name -> {
            Column trimmed = org.apache.spark.sql.functions.trim(col(name));
            Column missing = trimmed.equalTo("");
            for (String token : options.nullValues()) {
                missing = missing.or(trimmed.equalTo(token));
            }
            return when(missing, null).otherwise(col(name)).cast(DataTypes.StringType).as(name);
        }).toArray(Column[]::new);
        return rows.select(columns);
    }
}
