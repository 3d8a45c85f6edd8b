package io.sparktrain.trainer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.bundle.BundleException;
import io.sparktrain.trainer.bundle.BundleExistsException;
import io.sparktrain.trainer.TestTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The score job on a real XOR bundle: predictions, the account of rows, refusals, and damaged bundles. */
@SlowTest
class ScoreJobTest {
    @TempDir
    static Path trained;
    private static String xorTest;

    @BeforeAll
    static void trainXor() {
        xorTest = TestData.dataset("xor", "test.csv").toString();
        TestTraining.train("xor.conf", trained);
    }

    private static ScoreJob.Result score(String bundle, Path output, boolean overwrite) {
        return score(bundle, xorTest, output, overwrite);
    }

    private static ScoreJob.Result score(String bundle, String input, Path output, boolean overwrite) {
        return new ScoreJob(new ScoreJob.Options(bundle, input, null, output.toString(), "csv", overwrite,
                "local[2]", Map.of())).run();
    }

    @Test
    void badRowsOfThreeKindsAreRejectedWithTheirReasonAndEveryRowIsCounted(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("mixed.csv"), String.join("\n",
                "a,b,y", "0,0,0", "0,1,1", "1,0,1", "1,1,0",
                "1,0,1,surplus", "abc,1,1", "Infinity,0,1", "0,0,0", ""));
        ScoreJob.Result result = score(trained.resolve("bundle").toString(), input.toString(), dir.resolve("out"), false);
        assertEquals(8, result.rowsIn());
        assertEquals(5, result.scored());
        assertEquals(3, result.rejected());

        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<String> reasons = spark.read().option("header", true).csv(result.rejects())
                    .orderBy("source_row").select("reject_reason").collectAsList().stream().map(r -> r.getString(0))
                    .toList();
            assertEquals(3, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).contains("malformed"), reasons.toString());
            assertTrue(reasons.get(1).contains("a: ") && reasons.get(1).contains("'abc'"), reasons.toString());
            assertTrue(reasons.get(2).contains("a: ") && reasons.get(2).contains("Infinity"), reasons.toString());
        } finally {
            spark.stop();
        }
    }

    @Test
    void predictsTheFourPointsAndAccountsForEveryRow(@TempDir Path dir) throws IOException {
        ScoreJob.Result result = score(trained.resolve("bundle").toString(), dir.resolve("out"), false);
        assertEquals(4, result.rowsIn());
        assertEquals(4, result.scored());
        assertEquals(0, result.rejected());

        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<Row> rows = spark.read().option("header", true).csv(dir.resolve("out").toString())
                    .select("a", "b", "y", "predicted_label", "probability_0", "probability_1").collectAsList();
            assertEquals(4, rows.size());
            for (Row row : rows) {
                assertEquals(row.getString(2), row.getString(3), "XOR of " + row.getString(0) + ", " + row.getString(1));
                double sum = Double.parseDouble(row.getString(4)) + Double.parseDouble(row.getString(5));
                assertEquals(1.0, sum, 1e-6, "probabilities of one row add up to 1");
            }
        } finally {
            spark.stop();
        }
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/" + ScoreSummary.FILE).toFile());
        assertEquals(4, summary.get("rowsIn").asLong());
        assertTrue(Files.exists(dir.resolve("out/_SUCCESS")), "Spark's commit marker");
    }

    @Test
    void refusesToReplacePredictionsUnlessAsked(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "earlier results");
        BundleExistsException refused = assertThrows(BundleExistsException.class,
                () -> score(trained.resolve("bundle").toString(), out, false));
        assertTrue(refused.getMessage().contains("--overwrite"), refused.getMessage());
        assertTrue(Files.exists(out.resolve("keep.txt")), "nothing was touched");
        assertEquals(4, score(trained.resolve("bundle").toString(), out, true).scored());
    }

    @Test
    void aTruncatedBundleJsonIsNamed(@TempDir Path dir) throws IOException {
        Path copy = copyOfBundle(dir);
        Path manifest = copy.resolve("bundle.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        BundleException e = assertThrows(BundleException.class, () -> score(copy.toString(), dir.resolve("out"), false));
        assertTrue(e.getMessage().contains("bundle.json is not valid JSON"), e.getMessage());
    }

    @Test
    void aBundleOfAnotherFormatVersionIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
        Path copy = copyOfBundle(dir);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) mapper.readTree(copy.resolve("bundle.json").toFile());
        manifest.put("formatVersion", 1);
        mapper.writeValue(copy.resolve("bundle.json").toFile(), manifest);
        BundleException e = assertThrows(BundleException.class, () -> score(copy.toString(), dir.resolve("out"), false));
        assertTrue(e.getMessage().contains("format version 1") && e.getMessage().contains("retrain"), e.getMessage());
    }

    @Test
    void aBundleWithoutItsPipelineIsNamed(@TempDir Path dir) throws IOException {
        Path copy = copyOfBundle(dir);
        FileUtils.deleteDirectory(copy.resolve("pipeline/stages").toFile());
        BundleException e = assertThrows(BundleException.class, () -> score(copy.toString(), dir.resolve("out"), false));
        assertTrue(e.getMessage().contains("pipeline") && e.getMessage().contains("cannot be read"), e.getMessage());
    }

    @Test
    void evaluateReportsMetricsPerClassAndRejectsAnUnseenLabel(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("labelled.csv"), "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n1,1,2\n");
        EvaluateJob.Report report = new EvaluateJob(new EvaluateJob.Options(trained.resolve("bundle").toString(),
                input.toString(), null, dir.resolve("report").toString(), false, "local[2]", Map.of())).run();
        assertEquals(List.of(5L, 4L, 1L), List.of(report.rowsIn(), report.evaluated(), report.rejected()));
        Evaluation.Classification metrics = (Evaluation.Classification) report.metrics();
        assertEquals(1.0, metrics.accuracy());
        assertEquals(List.of(List.of(2L, 0L), List.of(0L, 2L)),
                Arrays.stream(metrics.confusion()).map(r -> Arrays.stream(r).boxed().toList()).toList());
        assertEquals(1.0, metrics.perClass().get("1").get("roc_auc"));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report/" + EvaluateJob.REPORT_FILE).toFile());
        assertEquals(1.0, json.at("/metrics/macro/f1").asDouble());
        assertTrue(Files.isDirectory(dir.resolve("report/rejects")), "the row with class '2' is kept as a reject");
    }

    /** A copy without Hadoop's checksum files, as a bundle copied with plain tools is. */
    private static Path copyOfBundle(Path dir) throws IOException {
        Path copy = dir.resolve("bundle");
        FileUtils.copyDirectory(trained.resolve("bundle").toFile(), copy.toFile(), file -> !file.getName().endsWith(".crc"));
        return copy;
    }
}
