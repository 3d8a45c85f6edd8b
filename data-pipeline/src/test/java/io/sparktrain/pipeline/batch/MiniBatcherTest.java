package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class MiniBatcherTest {
    private final MiniBatcher batcher = new MiniBatcher("features", "label", 3, 2);

    private static Row row(double label, double... features) {
        return RowFactory.create(Vectors.dense(features), label);
    }

    @Test
    void groupsRowsIntoMinibatchesWithOneHotLabels() {
        Iterator<DataSet> batches = batcher.batches(List.of(row(2, 0.5, 1.0), row(0, 0.25, 0.0), row(1, 1.0, 0.75)).iterator());
        List<DataSet> all = new ArrayList<>();
        batches.forEachRemaining(all::add);

        assertEquals(2, all.size());
        assertEquals(2, all.get(0).numExamples());
        assertEquals(1, all.get(1).numExamples(), "the last batch of a partition holds the rest");
        assertArrayEquals(new float[] {0.5f, 1.0f}, all.get(0).getFeatures().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {0f, 0f, 1f}, all.get(0).getLabels().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1f, 0f, 0f}, all.get(0).getLabels().getRow(1).toFloatVector());
        assertArrayEquals(new float[] {0f, 1f, 0f}, all.get(1).getLabels().getRow(0).toFloatVector());
        assertArrayEquals(new float[] {1.0f, 0.75f}, all.get(1).getFeatures().getRow(0).toFloatVector());
    }

    @Test
    void emptyPartitionGivesNoBatches() {
        assertTrue(!batcher.batches(List.<Row>of().iterator()).hasNext());
    }

    @Test
    void labelOutsideTheClassesNamesTheColumnAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batcher.toDataSet(List.of(row(3, 0.1, 0.2))));
        assertTrue(e.getMessage().contains("column 'label' has label 3.0"), e.getMessage());
        assertTrue(e.getMessage().contains("0..2"), e.getMessage());
    }

    @Test
    void raggedFeatureVectorsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batcher.toDataSet(List.of(row(0, 0.1, 0.2), row(1, 0.1))));
        assertTrue(e.getMessage().contains("vectors of size 1 and 2"), e.getMessage());
    }

    @Test
    void aLoneWeightedRowIsFedTwiceSoDl4jReadsItsWeightAsAPerExampleMask() {
        MiniBatcher weighted = new MiniBatcher(FeatureSpec.vector("features"), LabelSpec.classes("label", 3), "w", 2);
        DataSet alone = weighted.toDataSet(List.of(RowFactory.create(Vectors.dense(0.5, 1.0), 2.0, 3.0)));
        assertEquals(2, alone.numExamples());
        assertArrayEquals(new long[] {2, 1}, alone.getLabelsMaskArray().shape(), "a column vector, one weight per example");
        assertArrayEquals(new float[] {3f, 3f}, alone.getLabelsMaskArray().toFloatVector());
        assertEquals(alone.getFeatures().getRow(0), alone.getFeatures().getRow(1));
        assertEquals(alone.getLabels().getRow(0), alone.getLabels().getRow(1));
        DataSet pair = weighted.toDataSet(List.of(RowFactory.create(Vectors.dense(0.5, 1.0), 2.0, 3.0),
                RowFactory.create(Vectors.dense(0.0, 1.0), 0.0, 1.0)));
        assertArrayEquals(new float[] {3f, 1f}, pair.getLabelsMaskArray().toFloatVector(), "larger batches as they are");
    }

    @Test
    void weightedRowsNeverLeaveALoneLastRowButJoinItToTheMinibatchBefore() {
        MiniBatcher weighted = new MiniBatcher(FeatureSpec.vector("features"), LabelSpec.classes("label", 3), "w", 2);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(RowFactory.create(Vectors.dense(i, 1.0), 0.0, 1.0));
        }
        List<Integer> sizes = new ArrayList<>();
        weighted.batches(rows.iterator()).forEachRemaining(batch -> sizes.add(batch.numExamples()));
        assertEquals(List.of(2, 3), sizes, "5 rows in minibatches of 2: the fifth joins the second");
        List<Integer> even = new ArrayList<>();
        weighted.batches(rows.subList(0, 4).iterator()).forEachRemaining(batch -> even.add(batch.numExamples()));
        assertEquals(List.of(2, 2), even);
    }
}
