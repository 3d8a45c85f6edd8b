package io.sparktrain.pipeline.split;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.rand;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows in a seeded random order, over as many partitions as they came in.
 *
 * <p>Why: minibatches are cut from consecutive rows of a partition, and real inputs often come
 * grouped by class: a folder of e-mails per class, a CSV sorted by its label. Minibatches of one
 * class each make training swing from class to class: spam-lstm, trained on its e-mails in folder
 * order, was still at a coin's loss (0.699) after its first epoch and called every e-mail ham.
 * Each row draws a seeded number, the rows are hash-partitioned on it and sorted by it within
 * each partition: the same input partitioning and seed give the same order.
 *
 * @param seed the same seed and input give the same order
 */
public record Shuffle(long seed) {
    private static final String DRAW = "__sparktrain_shuffle_draw";

    public Dataset<Row> apply(Dataset<Row> rows) {
        int partitions = rows.rdd().getNumPartitions();
        return rows.withColumn(DRAW, rand(seed)).repartition(partitions, col(DRAW)).sortWithinPartitions(DRAW)
                .drop(DRAW);
    }
}
