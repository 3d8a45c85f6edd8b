package io.sparktrain.pipeline.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@LocalSpark(threads = 2)
class ShuffleTest {
    private static SparkSession spark;

    /** 1,000 rows grouped by class as a folder per class reads: 700 of class 0, then 300 of class 1. */
    private static Dataset<Row> groupedByClass() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create(i, i < 700 ? 0.0 : 1.0));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).coalesce(2);
    }

    private static List<List<Row>> partitions(Dataset<Row> rows) {
        return rows.javaRDD().glom().collect();
    }

    @Test
    void everyRowStaysOnceInAsManyPartitionsAndTheColumnsAreUnchanged() {
        Dataset<Row> shuffled = new Shuffle(3).apply(groupedByClass());
        assertEquals(List.of("id", "label"), List.of(shuffled.columns()));
        assertEquals(2, shuffled.rdd().getNumPartitions());
        List<Integer> ids = shuffled.collectAsList().stream().map(r -> r.getInt(0)).sorted().toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertEquals(expected, ids);
    }

    @Test
    void minibatchesCutFromAPartitionMixTheClasses() {
        for (List<Row> partition : partitions(new Shuffle(3).apply(groupedByClass()))) {
            assertTrue(partition.size() > 300, "a partition of " + partition.size() + " rows of 1,000");
            // Each run of 32 consecutive rows (a minibatch) holds both classes; in the input the first
            // partition held class 0 only. For a random order, the chance that any of these runs misses a class is below 1e-3.
            for (int from = 0; from + 32 <= partition.size(); from += 32) {
                long spam = partition.subList(from, from + 32).stream().filter(r -> r.getDouble(1) == 1.0).count();
                assertTrue(spam > 0 && spam < 32, "rows " + from + "-" + (from + 31) + " hold " + spam + " of class 1");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        List<List<Row>> first = partitions(new Shuffle(3).apply(groupedByClass()));
        assertEquals(first, partitions(new Shuffle(3).apply(groupedByClass())));
        assertNotEquals(first, partitions(new Shuffle(4).apply(groupedByClass())));
    }
}
