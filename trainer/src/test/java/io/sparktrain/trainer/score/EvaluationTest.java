package io.sparktrain.trainer.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Evaluation metrics on tiny frames, against numbers worked out by hand. */
@LocalSpark(threads = 2)
class EvaluationTest {
    private static SparkSession spark;

    @Test
    void classificationMetricsMatchTheHandCount() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType)
                .add("probability", SQLDataTypes.VectorType());
        // True 0 0 0 1 1, predicted 0 0 1 1 0; P(class 1) 0.1 0.2 0.7 0.8 0.4.
        Dataset<Row> scored = spark.createDataFrame(List.of(
                RowFactory.create(0.0, 0.0, Vectors.dense(0.9, 0.1)),
                RowFactory.create(0.0, 0.0, Vectors.dense(0.8, 0.2)),
                RowFactory.create(0.0, 1.0, Vectors.dense(0.3, 0.7)),
                RowFactory.create(1.0, 1.0, Vectors.dense(0.2, 0.8)),
                RowFactory.create(1.0, 0.0, Vectors.dense(0.6, 0.4))), schema);
        Evaluation.Classification c = Evaluation.classification(scored, "label", List.of("no", "yes"));
        assertEquals(5, c.examples());
        assertEquals(0.6, c.accuracy(), 1e-12);
        assertArrayEquals(new long[] {2, 1}, c.confusion()[0]);
        assertArrayEquals(new long[] {1, 1}, c.confusion()[1]);
        assertEquals(0.5, c.perClass().get("yes").get("precision"), 1e-12, "1 of 2 predicted yes is yes");
        assertEquals(0.5, c.perClass().get("yes").get("recall"), 1e-12, "1 of 2 yes found");
        assertEquals(2.0 / 3, c.perClass().get("no").get("precision"), 1e-12);
        // Of the 6 (yes, no) pairs, the yes scores higher in 0.8 > all three no, 0.4 > 0.1 and 0.2: 5/6.
        assertEquals(5.0 / 6, c.perClass().get("yes").get("roc_auc"), 1e-12);
        assertEquals((2.0 / 3 + 0.5) / 2, c.macro().get("precision"), 1e-12);
    }

    @Test
    void regressionMetricsMatchTheHandCount() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("prediction", DataTypes.DoubleType);
        Dataset<Row> scored = spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0), RowFactory.create(3.0, 3.0),
                RowFactory.create(5.0, 3.0)), schema);
        Evaluation.Regression r = Evaluation.regression(scored, "label");
        assertEquals(5.0 / 3, r.mse(), 1e-12, "errors 1, 0, 2");
        assertEquals(1.0, r.mae(), 1e-12);
        assertEquals(1 - 5.0 / 8, r.r2(), 1e-12, "1 - SSE 5 / SST 8");
    }
}
