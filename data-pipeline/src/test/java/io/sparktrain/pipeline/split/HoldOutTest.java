package io.sparktrain.pipeline.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@LocalSpark(threads = 2)
class HoldOutTest {
    private static SparkSession spark;

    /** 1,000 rows whose label cycles 0..9, in 2 partitions: the order a shuffled training set has. */
    private static Dataset<Row> cyclingLabels() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create(i, (double) (i % 10)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void everyRowLandsInExactlyOnePartAndAboutTheFractionIsHeldOut() {
        HoldOut.Parts parts = new HoldOut(0.2, 7).split(cyclingLabels());
        Set<Integer> kept = ids(parts.kept());
        Set<Integer> heldOut = ids(parts.heldOut());
        assertEquals(1000, kept.size() + heldOut.size());
        kept.retainAll(heldOut);
        assertTrue(kept.isEmpty(), "rows in both parts: " + kept);
        assertTrue(heldOut.size() > 150 && heldOut.size() < 250, "held out " + heldOut.size() + " of 1000 at 0.2");
    }

    @Test
    void stratifiedSplitHoldsOutTheFractionOfEveryClassAndKeepsRowOrder() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create(i, i % 20 == 0 ? 1.0 : 0.0));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("label", DataTypes.DoubleType);
        Dataset<Row> imbalanced = spark.createDataFrame(rows, schema).repartition(2).cache();
        HoldOut.Parts parts = new HoldOut(0.2, 7).splitStratified(imbalanced, "label");
        // 950 of class 0 and 50 of class 1: exactly a fifth of each is held out.
        assertEquals(190, parts.heldOut().filter("label = 0").count());
        assertEquals(10, parts.heldOut().filter("label = 1").count());
        assertEquals(800, parts.kept().count());
        List<Integer> original = imbalanced.select("id").collectAsList().stream().map(r -> r.getInt(0)).toList();
        List<Integer> kept = parts.kept().select("id").collectAsList().stream().map(r -> r.getInt(0)).toList();
        assertEquals(original.stream().filter(Set.copyOf(kept)::contains).toList(), kept, "kept rows in input order");
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        Dataset<Row> rows = cyclingLabels().cache();
        assertEquals(ids(new HoldOut(0.2, 7).split(rows).heldOut()), ids(new HoldOut(0.2, 7).split(rows).heldOut()));
    }

    /** randomSplit would sort each partition by label: the first 64 kept rows would all be class 0. */
    @Test
    void keptRowsStayInTheirOrderSoMinibatchesMixTheClasses() {
        List<Row> kept = new HoldOut(0.2, 7).split(cyclingLabels()).kept().limit(64).collectAsList();
        Set<Double> labels = new HashSet<>();
        kept.forEach(row -> labels.add(row.getDouble(1)));
        assertEquals(10, labels.size(), "classes in the first 64 kept rows: " + labels);
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HoldOut(1.0, 1));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
    }

    private static Set<Integer> ids(Dataset<Row> rows) {
        Set<Integer> ids = new HashSet<>();
        rows.collectAsList().forEach(row -> ids.add(row.getInt(0)));
        return ids;
    }
}
