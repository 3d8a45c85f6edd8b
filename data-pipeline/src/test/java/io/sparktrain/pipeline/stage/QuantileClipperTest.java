package io.sparktrain.pipeline.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@LocalSpark(threads = 2)
class QuantileClipperTest {
    private static SparkSession spark;

    /** x = 1..10 and one null; exact quantiles: 0.1 -> 1, 0.8 -> 8. */
    private static Dataset<Row> frame() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.DoubleType);
        List<Row> rows = new java.util.ArrayList<>(IntStream.rangeClosed(1, 10)
                .mapToObj(i -> RowFactory.create(i, (double) i)).toList());
        rows.add(RowFactory.create(11, null));
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void valuesOutsideTheFittedQuantilesAreClippedAndNullStaysNull() {
        QuantileClipperModel model = new QuantileClipper().setInputCols("x").setLowerQuantile(0.2)
                .setUpperQuantile(0.8).setRelativeError(0).fit(frame());
        assertEquals(new QuantileClipperModel.Bounds(2, 8), model.bounds().get("x"));
        List<Double> clipped = MissingValueStagesTest.column(model.transform(frame()), "x");
        assertEquals(Arrays.asList(2.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 8.0, 8.0, null), clipped);
    }

    @Test
    void testRowsAreClippedWithTheTrainingBounds() {
        QuantileClipperModel model = new QuantileClipper().setInputCols("x").setLowerQuantile(0.2)
                .setUpperQuantile(0.8).setRelativeError(0).fit(frame());
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.DoubleType);
        Dataset<Row> test = spark.createDataFrame(List.of(RowFactory.create(1, -50.0), RowFactory.create(2, 500.0)),
                schema);
        assertEquals(List.of(2.0, 8.0), MissingValueStagesTest.column(model.transform(test), "x"));
    }

    @Test
    void anAllMissingColumnIsNamedWithTheFix() {
        Dataset<Row> empty = frame().filter("x is null");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QuantileClipper().setInputCols("x").fit(empty));
        assertTrue(e.getMessage().contains("cannot fit column 'x': no values other than null and NaN"), e.getMessage());
    }
}
