package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped table configs end to end on Spark local[2], on their real (cars) or generated
 * (linear, xor) data: each must meet the bar its conf promises.
 */
class TableJobTest {
    private static JsonNode train(String conf, Path dir, String... extra) throws IOException {
        List<String> overrides = new ArrayList<>(List.of(
                "data.root=\"" + TestData.dataRoot() + "\"",
                "data.fetch=\"\"",
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\"",
                "output.bundle=\"" + dir.resolve("bundle") + "\""));
        overrides.addAll(List.of(extra));
        File file = new File(TestData.projectDir(), "conf/" + conf);
        new TrainJob(TrainJobConfigLoader.load(file, overrides), new TrainJob.Options("local[2]", false, false, false))
                .run();
        return new ObjectMapper().readTree(dir.resolve("bundle/bundle.json").toFile());
    }

    @Test
    void linearRegressionLearnsWeightTwoAndBiasOneAndAHalf(@TempDir Path dir) throws IOException {
        TestData.dataset("linear", "linear.csv");
        JsonNode manifest = train("linear-regression.conf", dir);
        double weight = manifest.at("/parameters/0_W/0").asDouble();
        double bias = manifest.at("/parameters/0_b/0").asDouble();
        assertEquals(2.0, weight, 0.05, "learned weight");
        assertEquals(1.5, bias, 0.05, "learned bias (the noise U(0,1) adds 0.5 on average)");
        assertTrue(manifest.at("/metrics/test/rmse").asDouble() <= 0.30, manifest.at("/metrics/test").toString());
        assertEquals("regression", manifest.get("task").asText());
    }

    @Test
    void xorReachesAccuracyOneOnTheFourPoints(@TempDir Path dir) throws IOException {
        TestData.dataset("xor", "train.csv");
        JsonNode manifest = train("xor.conf", dir);
        assertEquals(1.0, manifest.at("/metrics/test/accuracy").asDouble());
        assertEquals(4, manifest.at("/metrics/test/examples").asInt());
        JsonNode history = manifest.get("history");
        assertTrue(history.get(history.size() - 1).get("trainLoss").asDouble() < history.get(0).get("trainLoss").asDouble(),
                "loss went down: " + history);
    }

    /**
     * Real data with missing values: 8 cars without MPG are left out, 6 missing horsepower values are
     * filled with the median, and the network must beat always predicting the mean by 30%.
     */
    @Test
    void carsRegressionBeatsPredictingTheMeanAndSavesAPipelineThatScoresTheSame(@TempDir Path dir) throws IOException {
        TestData.dataset("cars", "cars.json");
        JsonNode manifest = train("mlp-regression.conf", dir, "train.epochs=25");
        double rmse = manifest.at("/metrics/test/rmse").asDouble();
        double baseline = manifest.at("/metrics/test/mean_baseline_rmse").asDouble();
        assertTrue(rmse <= 0.7 * baseline, "rmse " + rmse + " vs " + baseline + " predicting the training mean");
        int testRows = manifest.at("/metrics/test/examples").asInt();
        assertTrue(testRows > 60 && testRows < 100, "about 20% of the 398 cars with an MPG are test rows: " + testRows);

        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            PipelineModel pipeline = PipelineModel.load(dir.resolve("bundle/pipeline").toString());
            Row row = pipeline.transform(spark.read().option("multiLine", true)
                            .json(TestData.dataset("cars", "cars.json").toString())
                            .selectExpr("cast(Cylinders as double) Cylinders", "cast(Displacement as double) Displacement",
                                    "cast(Horsepower as double) Horsepower", "cast(Weight_in_lbs as double) Weight_in_lbs",
                                    "cast(Acceleration as double) Acceleration"))
                    .select(FeaturePlan.FEATURES_COL).first();
            assertEquals(5, ((Vector) row.get(0)).size());
        } finally {
            spark.stop();
        }
    }

    @Test
    void aTextInANumericColumnFailsNamingFileColumnAndValue(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\nabc,3\n2,5\n");
        DataSourceException e = assertThrows(DataSourceException.class, () -> train("linear-regression.conf", dir,
                "data.table.train=\"" + bad + "\"", "train.epochs=1"));
        assertTrue(e.getMessage().contains("bad.csv: column 'x' has 1 value(s) that are not finite numbers, e.g. 'abc'"),
                e.getMessage());
    }
}
