package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class FeatureArraysTest {
    private static final FeatureSpec SEQUENCE = FeatureSpec.sequence("ids", "mask");

    private static Row sequence(double[] ids, double[] mask) {
        return RowFactory.create(Vectors.dense(ids), Vectors.dense(mask));
    }

    @Test
    void vectorsAreBatchByWidthWithoutMask() {
        FeatureArrays.Features x = FeatureArrays.encode(FeatureSpec.vector("f"),
                List.of(RowFactory.create(Vectors.dense(1, 2, 3)), RowFactory.create(Vectors.dense(4, 5, 6))));
        assertArrayEquals(new long[] {2, 3}, x.features().shape());
        assertNull(x.mask());
    }

    @Test
    void sequencesAreBatchByOneByTimeWithABatchByTimeMask() {
        FeatureArrays.Features x = FeatureArrays.encode(SEQUENCE, List.of(
                sequence(new double[] {2, 5, 1, 0}, new double[] {1, 1, 1, 0}),
                sequence(new double[] {3, 0, 0, 0}, new double[] {1, 0, 0, 0})));

        assertArrayEquals(new long[] {2, 1, 4}, x.features().shape());
        assertArrayEquals(new float[] {2, 5, 1, 0}, x.features().get(point(0), point(0), all()).toFloatVector());
        assertArrayEquals(new float[] {3, 0, 0, 0}, x.features().get(point(1), point(0), all()).toFloatVector());
        assertArrayEquals(new long[] {2, 4}, x.mask().shape());
        assertArrayEquals(new float[][] {{1, 1, 1, 0}, {1, 0, 0, 0}}, x.mask().toFloatMatrix());
    }

    @Test
    void anEmptySequenceIsShownAsOnePaddingStep() {
        FeatureArrays.Features x = FeatureArrays.encode(SEQUENCE,
                List.of(sequence(new double[] {0, 0, 0}, new double[] {0, 0, 0})));
        assertArrayEquals(new float[][] {{1, 0, 0}}, x.mask().toFloatMatrix());
    }

    @Test
    void maskOfAnotherLengthOrWithOtherValuesIsRefused() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> FeatureArrays.encode(SEQUENCE,
                List.of(sequence(new double[] {2, 3}, new double[] {1, 1, 0}))));
        assertTrue(length.getMessage().contains("mask column 'mask' has 3 positions where 'ids' has 2"), length.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> FeatureArrays.encode(SEQUENCE,
                List.of(sequence(new double[] {2, 3}, new double[] {1, 0.5}))));
        assertTrue(value.getMessage().contains("mask column 'mask' has value 0.5"), value.getMessage());
    }

    @Test
    void specsRefuseAMaskWhereItMakesNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSpec("ids", FeatureSpec.Kind.SEQUENCE, null));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSpec("f", FeatureSpec.Kind.VECTOR, "mask"));
    }
}
