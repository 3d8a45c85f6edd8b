package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import scala.Tuple2;

/**
 * Puts rows in a seeded pseudo-random order and numbers them within their class (0, 1, 2, … per
 * class), which is what exact per-class sampling needs: "the first t rows of class c" is a
 * uniform random sample of t rows.
 *
 * <p>Why this way: the order is a seeded hash of each row's values, so it does not depend on how
 * the input is partitioned (identical rows tie, which cannot change the result). The ranking is
 * one distributed sort plus one counting pass, like {@code zipWithIndex} per class: no class is
 * ever gathered into a single task, and the output interleaves the classes in random order.
 */
final class ClassRanks {
    private ClassRanks() {
    }

    /** A seeded hash of all columns that Spark can hash (map columns are left out). */
    static Column seededKey(Dataset<?> data, long seed) {
        List<Column> columns = new ArrayList<>();
        columns.add(functions.lit(seed));
        for (StructField field : data.schema().fields()) {
            if (!(field.dataType() instanceof MapType)) {
                columns.add(Columns.col(field.name()));
            }
        }
        return functions.xxhash64(columns.toArray(new Column[0]));
    }

    /**
     * Each row of {@code data} with its 0-based rank among the rows of its class. Runs one job
     * (the sort and the per-partition class counts); the returned RDD is lazy.
     */
    static JavaPairRDD<Row, Long> of(Dataset<Row> data, String labelCol, long seed) {
        int labelIndex = data.schema().fieldIndex(labelCol);
        JavaRDD<Row> ordered = data.orderBy(seededKey(data, seed)).javaRDD();
        List<Map<Object, Long>> perPartition = ordered.mapPartitions(rows -> {
            Map<Object, Long> counts = new HashMap<>();
            rows.forEachRemaining(row -> counts.merge(row.get(labelIndex), 1L, Long::sum));
            return List.of(counts).iterator();
        }).collect();
        List<Map<Object, Long>> offsets = new ArrayList<>();
        Map<Object, Long> running = new HashMap<>();
        for (Map<Object, Long> counts : perPartition) {
            offsets.add(new HashMap<>(running));
            counts.forEach((label, n) -> running.merge(label, n, Long::sum));
        }
        return ordered.mapPartitionsWithIndex((partition, rows) -> numbered(rows, labelIndex,
                new HashMap<>(offsets.get(partition))), true).mapToPair(pair -> pair);
    }

    /**
     * How many of {@code total} items the member of rank {@code rank} in a group of {@code n}
     * gets, spreading them as evenly as possible: everyone gets {@code total / n}, and the
     * {@code total % n} lowest ranks one more. Summed over the group it is exactly {@code total}.
     */
    static long share(long total, long n, long rank) {
        return total / n + (rank < total % n ? 1 : 0);
    }

    private static Iterator<Tuple2<Row, Long>> numbered(Iterator<Row> rows, int labelIndex, Map<Object, Long> next) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Tuple2<Row, Long> next() {
                Row row = rows.next();
                long rank = next.merge(row.get(labelIndex), 1L, Long::sum) - 1;
                return new Tuple2<>(row, rank);
            }
        };
    }
}
