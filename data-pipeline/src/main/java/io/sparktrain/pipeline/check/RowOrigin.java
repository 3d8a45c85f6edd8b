package io.sparktrain.pipeline.check;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.shiftrightunsigned;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where a row came from: its file and its row number in that file (1 = the first data row; with a
 * CSV header that is line 2). Spark gives neither directly; the file comes from
 * {@code input_file_name()}, and the row number from {@code monotonically_increasing_id()}, whose
 * upper bits are the partition and lower bits the position in it: a partition reads its files one
 * after another, and a file split over partitions goes to them in order, so counting the rows of a
 * file in earlier partitions gives each row's number without sorting the table.
 */
final class RowOrigin {
    static final String FILE = "_source_file";
    static final String ID = "_row_id";
    static final String ROW = "_source_row";
    private static final long INDEX_MASK = (1L << 33) - 1;
    private static final String START_FILE = "_start_file";
    private static final String START_PART = "_start_part";
    private static final String START = "_start";

    private RowOrigin() {
    }

    /** Adds {@link #FILE} and {@link #ID}; call on rows straight from a file source, before any shuffle. */
    static Dataset<Row> tag(Dataset<Row> rows) {
        return rows.withColumn(FILE, input_file_name()).withColumn(ID, monotonically_increasing_id());
    }

    /**
     * Adds {@link #ROW} to {@code some}, rows taken from the tagged table {@code all}: one small
     * aggregation over {@code all} (rows per file and partition), then a broadcast join.
     */
    static Dataset<Row> withRowNumbers(Dataset<Row> all, Dataset<Row> some) {
        List<Row> blocks = all.groupBy(col(FILE), partition().as("part"))
                .agg(min(index()).as("first"), count(lit(1)).as("rows"))
                .orderBy(col(FILE), col("part")).collectAsList();
        List<Row> starts = new ArrayList<>();
        String file = null;
        long before = 0;
        for (Row block : blocks) {
            if (!block.getString(0).equals(file)) {
                file = block.getString(0);
                before = 0;
            }
            starts.add(RowFactory.create(file, block.getLong(1), before - block.getLong(2) + 1));
            before += block.getLong(3);
        }
        StructType schema = new StructType().add(START_FILE, DataTypes.StringType).add(START_PART, DataTypes.LongType)
                .add(START, DataTypes.LongType);
        Dataset<Row> table = all.sparkSession().createDataFrame(starts, schema);
        return some.join(broadcast(table), col(FILE).equalTo(col(START_FILE)).and(partition().equalTo(col(START_PART))))
                .withColumn(ROW, col(START).plus(index()))
                .drop(START_FILE, START_PART, START);
    }

    private static Column partition() {
        return shiftrightunsigned(col(ID), 33);
    }

    private static Column index() {
        return col(ID).bitwiseAND(INDEX_MASK);
    }
}
