package io.sparktrain.trainer.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.testing.TrainerSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network estimator inside a Spark ML Pipeline on local[2]: fitted with the project's
 * preprocessing stages on the real credit table, scored by Spark's own evaluators, saved, and
 * loaded in a fresh SparkSession with identical predictions.
 */
@SlowTest
class NetworkPipelineTest {

    @Test
    void pipelineFitsSavesAndLoadsWithIdenticalPredictions(@TempDir Path dir) throws IOException {
        SparkSession spark = TrainerSpark.local(2);
        HoldOut.Parts split = CreditTable.split(spark);
        NetworkEstimator network = new NetworkClassifier().setSpec(CreditTable.spec(dir.resolve("work").toString()))
                .setStrategy("averaging").setEpochs(6).setPredictedLabelCol("predicted_status");
        PipelineModel model = CreditTable.pipeline(network).fit(split.kept());

        Dataset<Row> test = split.heldOut().cache();
        Dataset<Row> scored = model.transform(test).cache();
        double auc = new BinaryClassificationEvaluator().setMetricName("areaUnderROC").evaluate(scored);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(scored);
        // Always answering "good" scores 0.72 accuracy and 0.5 AUC on this table.
        assertTrue(auc > 0.78, "area under ROC " + auc);
        assertTrue(accuracy > 0.75, "accuracy " + accuracy);
        List<Row> names = scored.select("Status", "predicted_status").distinct().collectAsList();
        assertTrue(names.stream().allMatch(r -> List.of("good", "bad").contains(r.getString(1))), names.toString());

        String saved = dir.resolve("model").toString();
        model.write().overwrite().save(saved);
        List<Row> before = scored.select("probability", "prediction").collectAsList();
        List<Row> testRows = test.collectAsList();
        spark.stop();

        SparkSession fresh = TrainerSpark.local(2);
        Dataset<Row> again = fresh.createDataFrame(testRows, test.schema());
        List<Row> after;
        try {
            after = PipelineModel.load(saved).transform(again).select("probability", "prediction").collectAsList();
        } finally {
            fresh.stop();
        }
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            // Same network, same features; only the float32 rounding of a batch's matrix product may
            // differ in the last bit when rows land in other batches than before.
            assertArrayEquals(((Vector) before.get(i).get(0)).toArray(), ((Vector) after.get(i).get(0)).toArray(), 1e-6,
                    "probabilities of test row " + i);
            assertEquals(before.get(i).getDouble(1), after.get(i).getDouble(1), "prediction of test row " + i);
        }
    }
}
