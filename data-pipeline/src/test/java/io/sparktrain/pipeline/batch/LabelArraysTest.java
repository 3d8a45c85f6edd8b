package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LabelArraysTest {
    private static INDArray encode(LabelSpec spec, Object... cells) {
        List<Row> batch = Arrays.stream(cells).map(RowFactory::create).toList();
        return LabelArrays.encode(spec, batch, 0);
    }

    @Test
    void regressionNumbersAreOneColumnAsTheyAre() {
        INDArray y = encode(LabelSpec.regression("price", 1), 2.5, -1.0, 7);
        assertArrayEquals(new long[] {3, 1}, y.shape());
        assertArrayEquals(new float[] {2.5f, -1f, 7f}, y.toFloatVector());
    }

    @Test
    void multiTargetRegressionTakesVectorsAndArrays() {
        INDArray y = encode(LabelSpec.regression("xy", 2), Vectors.dense(0.5, 1.5),
                scala.collection.JavaConverters.asScalaBuffer(List.of(3.0, 4.0)).toList());
        assertArrayEquals(new float[][] {{0.5f, 1.5f}, {3f, 4f}}, y.toFloatMatrix());
    }

    @Test
    void binaryAndMultiLabelKeepZerosAndOnes() {
        assertArrayEquals(new float[][] {{1f}, {0f}}, encode(LabelSpec.binary("spam", 1), 1.0, 0.0).toFloatMatrix());
        assertArrayEquals(new float[][] {{1f, 0f, 1f}},
                encode(LabelSpec.binary("tags", 3), Vectors.dense(1, 0, 1)).toFloatMatrix());
    }

    @Test
    void binaryLabelOtherThanZeroOrOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(LabelSpec.binary("spam", 1), 2.0));
        assertTrue(e.getMessage().contains("column 'spam' has binary label 2.0"), e.getMessage());
    }

    @Test
    void widthThatDoesNotMatchTheHeadNamesBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(LabelSpec.regression("xy", 3), Vectors.dense(1, 2)));
        assertTrue(e.getMessage().contains("column 'xy' has 2 value(s) in a row but its REGRESSION head has width 3"),
                e.getMessage());
    }

    @Test
    void missingLabelIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> encode(LabelSpec.classes("label", 2), (Object) null));
        assertTrue(e.getMessage().contains("column 'label' holds a null (missing) value"), e.getMessage());
    }

    @Test
    void specsRefuseWidthsNoHeadCanHave() {
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.classes("label", 1));
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.regression("y", 0));
        assertThrows(IllegalArgumentException.class, () -> new LabelSpec("y", null, 1));
    }
}
