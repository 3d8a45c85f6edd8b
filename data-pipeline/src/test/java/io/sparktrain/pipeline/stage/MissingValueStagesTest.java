package io.sparktrain.pipeline.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Sentinels, indicators, most-frequent and constant imputation on a frame small enough to check by hand. */
@LocalSpark(threads = 2)
class MissingValueStagesTest {
    private static SparkSession spark;

    /** income: 0 is the sentinel for "unknown"; debt: null, NaN and 3 twice (most frequent). */
    static Dataset<Row> frame(SparkSession spark) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("income", DataTypes.DoubleType)
                .add("debt", DataTypes.DoubleType);
        return spark.createDataFrame(List.of(
                RowFactory.create(1, 100.0, 3.0),
                RowFactory.create(2, 0.0, null),
                RowFactory.create(3, 300.0, 3.0),
                RowFactory.create(4, 300.0, Double.NaN),
                RowFactory.create(5, null, 7.0)), schema);
    }

    static List<Double> column(Dataset<Row> rows, String name) {
        return rows.orderBy("id").select(name).collectAsList().stream()
                .map(r -> r.isNullAt(0) ? null : ((Number) r.get(0)).doubleValue()).toList();
    }

    @Test
    void aSentinelBecomesNullAndOtherValuesStay() {
        Dataset<Row> out = new SentinelMissing().setInputCols("income").setSentinels(0).transform(frame(spark));
        assertEquals(Arrays.asList(100.0, null, 300.0, 300.0, null), column(out, "income"));
        assertEquals(DataTypes.DoubleType, out.schema().apply("income").dataType());
    }

    @Test
    void indicatorsMarkNullNanAndSentinelAsOne() {
        Dataset<Row> out = new MissingIndicator().setInputCols("income", "debt").setMissingValue(0)
                .transform(frame(spark));
        assertEquals(List.of(0.0, 1.0, 0.0, 0.0, 1.0), column(out, "income_missing"));
        assertEquals(List.of(0.0, 1.0, 0.0, 1.0, 0.0), column(out, "debt_missing"));
    }

    @Test
    void sparksModeImputerFillsTheMostFrequentValueAfterTheSentinelIsNull() {
        Dataset<Row> nulled = new SentinelMissing().setInputCols("income").setSentinels(0).transform(frame(spark));
        Dataset<Row> out = new Imputer().setStrategy("mode").setInputCols(new String[] {"income", "debt"})
                .setOutputCols(new String[] {"income", "debt"}).fit(nulled).transform(nulled);
        assertEquals(List.of(100.0, 300.0, 300.0, 300.0, 300.0), column(out, "income"));
        assertEquals(List.of(3.0, 3.0, 3.0, 3.0, 7.0), column(out, "debt"));
    }

    @Test
    void constantImputationFillsEveryKindOfMissingValueIntoANewColumn() {
        Dataset<Row> out = new ConstantImputer().setInputCols("debt").setOutputCols("debt_filled").setValue(-1)
                .transform(frame(spark));
        assertEquals(List.of(3.0, -1.0, 3.0, -1.0, 7.0), column(out, "debt_filled"));
        assertEquals(Arrays.asList(3.0, null, 3.0, Double.NaN, 7.0), column(out, "debt"));
    }

    @Test
    void aTextColumnIsRefusedWithItsNameBeforeAnyJob() {
        Dataset<Row> text = frame(spark).withColumn("income", org.apache.spark.sql.functions.col("income").cast("string"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SentinelMissing().setInputCols("income").setSentinels(0).transform(text));
        assertTrue(e.getMessage().contains("'income' is string"), e.getMessage());
    }
}
