package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.bundle.BundleException;
import io.sparktrain.trainer.score.EvaluateJob;
import io.sparktrain.trainer.score.ScoreJob;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
@SlowTest
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

    /** The network of xor.conf trained on local[2] on the data section given; the bundle's manifest. */
    private static JsonNode trainXorNetwork(String dataSection, Path dir) throws IOException {
        String conf = dataSection + """
                pipeline { normalize = none }
                model {
                  input { size = 2 }
                  weight-init = xavier
                  layers = [
                    { type = dense, units = 4, activation = tanh }
                    { type = output, units = 1, activation = sigmoid, loss = binary-cross-entropy }
                  ]
                  optimizer { type = adam, learning-rate = 0.05 }
                }
                train { epochs = 10, batch-size = 20 }
                """;
        TrainJobConfig config = TrainJobConfigLoader.load("xor-network.conf", ConfigFactory.parseString(conf), List.of(
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\"", "output.bundle=\"" + dir.resolve("bundle") + "\""));
        new TrainJob(config, new TrainJob.Options("local[2]", false, false, false)).run();
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
    void xorReachesAccuracyOneOnTheFourPointsAndReportsItsClasses(@TempDir Path dir) throws IOException {
        TestData.dataset("xor", "train.csv");
        JsonNode manifest = train("xor.conf", dir);
        assertEquals(1.0, manifest.at("/metrics/test/accuracy").asDouble());
        assertEquals(4, manifest.at("/metrics/test/examples").asInt());
        JsonNode history = manifest.get("history");
        assertTrue(history.get(history.size() - 1).get("trainLoss").asDouble() < history.get(0).get("trainLoss").asDouble(),
                "loss went down: " + history);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("bundle/data-report.json").toFile());
        assertEquals("{\"0\":500,\"1\":500}", report.get("trainClasses").toString());
        assertEquals(report.get("trainClasses"), report.get("classesAfterResampling"));
        assertEquals("{\"0\":2,\"1\":2}", report.get("testClasses").toString());
        assertEquals(List.of("train", "test"), List.of(report.at("/inputs/0/split").asText(),
                report.at("/inputs/1/split").asText()));
        assertEquals(0.5, report.at("/columns/0/mean").asDouble());
    }

    /** The XOR points as a LibSVM file (zeros written out), trained with the network of xor.conf. */
    @Test
    void aLibSvmTableTrainsLikeACsvOne(@TempDir Path dir) throws IOException {
        String points = "0 1:0 2:0\n1 1:0 2:1\n1 1:1 2:0\n0 1:1 2:1\n";
        Path trainFile = Files.writeString(dir.resolve("train.libsvm"), points.repeat(250));
        Path testFile = Files.writeString(dir.resolve("test.libsvm"), points);
        String data = """
                data {
                  format = libsvm
                  labels = ["0", "1"]
                  table { train = "%s", test = "%s", num-features = 2 }
                }
                """.formatted(trainFile, testFile);
        JsonNode manifest = trainXorNetwork(data, dir);
        assertEquals(1.0, manifest.at("/metrics/test/accuracy").asDouble());
        assertEquals(4, manifest.at("/metrics/test/examples").asInt());
    }

    /**
     * A headerless CSV named and typed by data.table.schema: the XOR points with an INT id, trained,
     * then scored from a headerless file without the label, whose fields are the schema's other columns.
     */
    @Test
    void aHeaderlessCsvWithADeclaredSchemaTrainsAndScoresWithItsIdTyped(@TempDir Path dir) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            int a = i % 2;
            int b = (i / 2) % 2;
            rows.append(i).append(',').append(a).append(',').append(b).append(',').append(a ^ b).append('\n');
        }
        Path trainFile = Files.writeString(dir.resolve("train.csv"), rows.toString());
        String data = """
                data {
                  format = csv
                  labels = ["0", "1"]
                  table {
                    train = "%s"
                    test-fraction = 0.1
                    header = false
                    schema = "id INT, a DOUBLE, b DOUBLE, y STRING"
                    label = y
                    features = [a, b]
                  }
                }
                """.formatted(trainFile);
        JsonNode manifest = trainXorNetwork(data, dir);
        assertEquals(1.0, manifest.at("/metrics/test/accuracy").asDouble());

        Path input = Files.writeString(dir.resolve("score.csv"), "7,0,0\n8,0,1\n9,1,0\nten,1,1\n");
        ScoreJob.Result result = new ScoreJob(new ScoreJob.Options(dir.resolve("bundle").toString(), input.toString(),
                null, dir.resolve("out").toString(), "parquet", false, "local[2]", Map.of())).run();
        assertEquals(List.of(4L, 3L, 1L), List.of(result.rowsIn(), result.scored(), result.rejected()));
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<Row> scored = spark.read().parquet(dir.resolve("out").toString()).orderBy("id").collectAsList();
            assertEquals(List.of(7, 8, 9), scored.stream().map(r -> (Integer) r.getAs("id")).toList());
            assertEquals(List.of("0", "1", "1"), scored.stream().map(r -> (String) r.getAs("predicted_label")).toList());
            Row reject = spark.read().option("header", true).csv(result.rejects()).first();
            assertEquals("id: not of the declared type 'ten'", reject.getAs(RejectsWriter.REASON));
        } finally {
            spark.stop();
        }
    }

    /**
     * Real data with missing values: 8 cars without MPG are rejected (bad-rows = skip) into the
     * bundle, missing horsepower values are filled with the median, and the network must beat always
     * predicting the mean by 30%.
     */
    @Test
    void carsRegressionRejectsCarsWithoutMpgBeatsPredictingTheMeanAndSavesAPipelineThatScoresTheSame(@TempDir Path dir)
            throws IOException {
        TestData.dataset("cars", "cars.json");
        JsonNode manifest = train("mlp-regression.conf", dir, "train.epochs=25");
        double rmse = manifest.at("/metrics/test/rmse").asDouble();
        double baseline = manifest.at("/metrics/test/mean_baseline_rmse").asDouble();
        assertTrue(rmse <= 0.7 * baseline, "rmse " + rmse + " vs " + baseline + " predicting the training mean");
        int testRows = manifest.at("/metrics/test/examples").asInt();
        assertTrue(testRows > 60 && testRows < 100, "about 20% of the 398 cars with an MPG are test rows: " + testRows);

        JsonNode report = new ObjectMapper().readTree(dir.resolve("bundle/data-report.json").toFile());
        assertEquals(List.of(406, 398, 8), List.of(report.at("/inputs/0/rowsRead").asInt(),
                report.at("/inputs/0/rowsKept").asInt(), report.at("/inputs/0/rowsRejected").asInt()));
        assertEquals("MISSING_LABEL", report.at("/inputs/0/problems/0/kind").asText());
        JsonNode horsepower = report.at("/columns/2");
        assertEquals("Horsepower", horsepower.get("name").asText());
        assertTrue(horsepower.get("missingBefore").asInt() > 0, horsepower.toString());
        assertEquals(0, horsepower.get("missingAfter").asInt(), "imputed: " + horsepower);
        assertTrue(report.get("trainClasses").isEmpty(), "a regression has no classes");

        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<Row> rejects = spark.read().option("header", true).csv(dir.resolve("bundle/rejects/train").toString())
                    .collectAsList();
            assertEquals(8, rejects.size());
            assertEquals("Miles_per_Gallon: no label", rejects.get(0).getAs(RejectsWriter.REASON));
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

    /**
     * A graph with a classification and a regression output trained through the train job from one
     * label column each (conf/cars-multi-output.conf): each output's test metrics beat always giving
     * the commonest answer, and score and evaluate refuse the bundle, naming its outputs.
     */
    @Test
    void carsOriginAndMpgTrainAsTwoOutputsOfOneGraphAndScoringRefusesTheBundleClearly(@TempDir Path dir)
            throws IOException {
        TestData.dataset("cars", "cars.json");
        JsonNode manifest = train("cars-multi-output.conf", dir, "train.epochs=25");
        assertEquals("multi-output", manifest.get("task").asText());
        JsonNode test = manifest.at("/metrics/test");
        // Always answering USA scores 0.63; always predicting the mean MPG, an rmse of about 7.8.
        assertTrue(test.get("origin.accuracy").asDouble() > 0.70, test.toString());
        assertTrue(test.get("mpg.rmse").asDouble() < 5.0, test.toString());
        assertTrue(test.get("examples").asInt() > 60 && test.get("examples").asInt() < 100, test.toString());
        JsonNode history = manifest.get("history");
        assertTrue(history.get(history.size() - 1).get("trainLoss").asDouble() < history.get(0).get("trainLoss").asDouble(),
                "loss went down: " + history);

        String bundle = dir.resolve("bundle").toString();
        BundleException refused = assertThrows(BundleException.class, () -> new ScoreJob(new ScoreJob.Options(bundle,
                TestData.dataset("cars", "cars.json").toString(), null, dir.resolve("scored").toString(), "csv", false,
                "local[1]", Map.of())).run());
        assertTrue(refused.getMessage().contains("its network has 2 outputs [origin, mpg] (data.table.outputs), and"
                + " sparktrain score handles a network with one output"), refused.getMessage());
        refused = assertThrows(BundleException.class, () -> new EvaluateJob(new EvaluateJob.Options(bundle,
                TestData.dataset("cars", "cars.json").toString(), null, dir.resolve("report.json").toString(), false,
                "local[1]", Map.of())).run());
        assertTrue(refused.getMessage().contains("sparktrain evaluate handles a network with one output"),
                refused.getMessage());
    }

    /** Under keep, bad x values become missing and are imputed with the median; a row without y is rejected. */
    @Test
    void keepMakesBadValuesMissingForTheImputerAndRejectsARowWithoutALabel(@TempDir Path dir) throws IOException {
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 0; i < 18; i++) {
            rows.append(i).append(',').append(2 * i + 1).append('\n');
        }
        rows.append("abc,3\nInfinity,5\n7,\n");
        Path train = Files.writeString(dir.resolve("train.csv"), rows.toString());
        Path test = Files.writeString(dir.resolve("test.csv"), "x,y\n1,3\n2,5\n");
        train("linear-regression.conf", dir, "data.table.train=\"" + train + "\"", "data.table.test=\"" + test + "\"",
                "data.table.bad-rows=keep", "train.epochs=1");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("bundle/data-report.json").toFile());
        assertEquals(List.of(21, 20, 1, 2), List.of(report.at("/inputs/0/rowsRead").asInt(),
                report.at("/inputs/0/rowsKept").asInt(), report.at("/inputs/0/rowsRejected").asInt(),
                report.at("/inputs/0/keptWithNulls").asInt()));
        assertEquals(List.of(2, 0), List.of(report.at("/columns/0/missingBefore").asInt(),
                report.at("/columns/0/missingAfter").asInt()), "the two bad x values were imputed");
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            Row reject = spark.read().option("header", true).csv(dir.resolve("bundle/rejects/train").toString()).first();
            assertEquals("y: no label", reject.getAs(RejectsWriter.REASON));
            assertEquals("21", reject.getAs(RejectsWriter.SOURCE_ROW));
        } finally {
            spark.stop();
        }
    }

    @Test
    void aTextInANumericColumnFailsNamingFileColumnRowAndValue(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\nabc,3\n2,5\n");
        DataSourceException e = assertThrows(DataSourceException.class, () -> train("linear-regression.conf", dir,
                "data.table.train=\"" + bad + "\"", "train.epochs=1"));
        assertTrue(e.getMessage().contains("column 'x': 1 value that is not a number, e.g. 'abc' in row 2 of file://"
                + bad), e.getMessage());
        assertTrue(e.getMessage().contains("set data.table.bad-rows = skip"), e.getMessage());
    }

    /**
     * Credit scoring, a real table with NA cells, four categorical columns and 28% bad loans, on a
     * 2,000-row slice with SMOTE: the minority class must be found far better than chance (a
     * classifier that guesses has a PR-AUC near the 28% base rate), and the saved pipeline must
     * score rows without resampling them.
     */
    @Test
    void creditWithSmoteFindsBadLoansAndTheSavedPipelineDoesNotResample(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(TestData.dataset("credit", "credit_data.csv").toPath());
        Path slice = Files.write(dir.resolve("credit_slice.csv"), lines.subList(0, 2001));
        JsonNode manifest = train("credit-mlp.conf", dir, "data.table.train=\"" + slice + "\"", "train.epochs=8",
                "pipeline.imbalance.method=smote");
        JsonNode test = manifest.at("/metrics/test");
        assertTrue(test.get("pr_auc").asDouble() >= 0.55, test.toString());
        assertTrue(test.get("recall").asDouble() >= 0.55, "recall of bad loans: " + test);
        int testRows = test.get("examples").asInt();
        assertTrue(testRows > 340 && testRows < 460, "about 20% of 2,000 rows, none synthetic: " + testRows);

        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            PipelineModel pipeline = PipelineModel.load(dir.resolve("bundle/pipeline").toString());
            org.apache.spark.sql.Dataset<Row> rows = spark.read().option("header", true).option("inferSchema", true)
                    .option("nullValue", "NA").csv(slice.toString()).drop("Status");
            assertEquals(2000, pipeline.transform(rows).count());
        } finally {
            spark.stop();
        }
    }
}
