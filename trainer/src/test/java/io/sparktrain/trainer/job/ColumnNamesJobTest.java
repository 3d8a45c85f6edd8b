package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.testing.AwkwardNames;
import io.sparktrain.trainer.score.EvaluateJob;
import io.sparktrain.trainer.score.Evaluation;
import io.sparktrain.trainer.score.ScoreJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column names that Spark must quote ({@link AwkwardNames}) in every role a table column plays in
 * {@code train}, {@code score} and {@code evaluate}: numeric feature (each with a missing-value or
 * clipping setting written as a quoted HOCON key), categorical feature, label, id passed through to
 * the predictions, and a column no setting names. One small classification bundle is trained once
 * (one epoch: these tests are about names, not accuracy) and scored and evaluated by the tests.
 */
class ColumnNamesJobTest {
    private static final List<String> NUMERIC = AwkwardNames.ALL.subList(0, 6);
    private static final List<String> CATEGORICAL = AwkwardNames.ALL.subList(6, 8);
    private static final String LABEL = AwkwardNames.MIXED;
    private static final String ID = "row id.no";
    private static final String UNUSED = "note`s.txt";
    /** 6 numeric, 1 was-missing indicator, größe one-hot (3 values + unknown), 名前 one-hot (2 + unknown). */
    private static final int INPUT_SIZE = 14;

    @TempDir
    static Path trained;

    @BeforeAll
    static void trainTheBundle() throws IOException {
        // The last row has no label: rejected into the bundle under bad-rows = skip.
        Path train = Files.writeString(trained.resolve("train.csv"), table(40, CLASS) + "r40,1,1,1,1,1,1,S,ann,,n40\n");
        train(trained, CLASSIFIER.formatted(train, LABEL, hocon(NUMERIC), hocon(CATEGORICAL), INPUT_SIZE));
    }

    /** The class of row i: "bad" where a.b is 3. */
    private static final IntFunction<String> CLASS = i -> i % 4 == 3 ? "bad" : "good";

    /**
     * Rows r0, r1, ... of an id, the six numeric columns, the two text columns, the label of each
     * row (no label column when {@code label} is null) and an unused note. a.b is missing in row 5,
     * e[0] in row 7, c-d holds its sentinel -1 in row 3 and f`g an outlier in row 9.
     */
    private static String table(int rows, IntFunction<String> label) {
        StringBuilder text = new StringBuilder(ID + "," + String.join(",", AwkwardNames.ALL)
                + (label != null ? "," + LABEL : "") + "," + UNUSED + "\n");
        for (int i = 0; i < rows; i++) {
            List<Object> cells = new ArrayList<>(List.of("r" + i, i == 5 ? "NA" : i % 4, i % 5 * 0.25, i % 7,
                    i == 3 ? -1 : i % 3, i == 7 ? "NA" : i % 2, i == 9 ? 1000 : i % 10, List.of("S", "M", "L").get(i % 3),
                    i % 2 == 0 ? "ann" : "bob"));
            if (label != null) {
                cells.add(label.apply(i));
            }
            cells.add("n" + i);
            text.append(String.join(",", cells.stream().map(String::valueOf).toList())).append('\n');
        }
        return text.toString();
    }

    private static final String CLASSIFIER = """
            job { seed = 7 }
            data {
              format = csv
              labels = ["good", "bad"]
              table { train = "%s", test-fraction = 0.25, bad-rows = skip, label = "%s", features = %s, categorical = %s }
            }
            pipeline {
              missing = median
              missing-by-column { "a.b" = constant, "x_0.25" = mean }
              sentinels { "c-d" = -1 }
              indicators = ["e[0]"]
              clip { columns = ["f`g"] }
              imbalance { method = oversample }
            }
            model {
              input { size = %d }
              layers = [
                { type = dense, units = 4, activation = tanh }
                { type = output, units = 2, activation = softmax, loss = cross-entropy }
              ]
            }
            train { strategy = local, epochs = 1, batch-size = 16 }
            """;

    private static String hocon(List<String> names) {
        return ConfigValueFactory.fromIterable(names).render(ConfigRenderOptions.concise());
    }

    private static void train(Path dir, String conf) {
        new TrainJob(TrainJobConfigLoader.load("columns.conf", ConfigFactory.parseString(conf),
                List.of("output.bundle=\"" + dir.resolve("bundle") + "\"")), new TrainJob.Options("local[2]", false,
                false, false, true)).run();
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Column names and rows of a written table, read with a session of its own. */
    private static List<Row> read(String format, Path path) {
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            return spark.read().format(format).option("header", true).load(path.toString()).collectAsList();
        } finally {
            spark.stop();
        }
    }

    private static List<String> inputColumns(boolean labelled) {
        List<String> columns = new ArrayList<>(List.of(ID));
        columns.addAll(AwkwardNames.ALL);
        if (labelled) {
            columns.add(LABEL);
        }
        columns.add(UNUSED);
        return columns;
    }

    @Test
    void numericFeaturesAreImputedClippedAndReportedUnderTheirNames() throws IOException {
        JsonNode report = json(trained.resolve("bundle/data-report.json"));
        List<String> reported = new ArrayList<>();
        report.get("columns").forEach(c -> reported.add(c.get("name").asText()));
        assertEquals(NUMERIC, reported);
        assertEquals(1, report.at("/columns/0/missingBefore").asInt(), "a.b is missing in row 5");
        assertEquals(INPUT_SIZE, json(trained.resolve("bundle/bundle.json")).get("inputSize").asInt());
    }

    /** The training job checks the fitted pipeline's vector width against model.input.size: 14 needs both encoded. */
    @Test
    void categoricalFeaturesAreOneHotEncodedUnderTheirNames() throws IOException {
        JsonNode config = json(trained.resolve("bundle/bundle.json")).get("config");
        assertEquals(CATEGORICAL, List.of(config.at("/data/table/categorical/0").asText(),
                config.at("/data/table/categorical/1").asText()));
        assertEquals("constant", config.at("/pipeline/missing-by-column").get("a.b").asText(),
                "the quoted HOCON key names the column a.b, not a path a -> b");
    }

    @Test
    void theLabelNamesTheClassesAndTheReasonOfARejectedRow() throws IOException {
        JsonNode report = json(trained.resolve("bundle/data-report.json"));
        assertEquals(List.of("good", "bad"), names(report.get("trainClasses")));
        JsonNode resampled = report.get("classesAfterResampling");
        assertEquals(resampled.get("good"), resampled.get("bad"), "oversampled by the label: " + resampled);
        assertTrue(json(trained.resolve("bundle/bundle.json")).at("/metrics/test/accuracy").isNumber());

        Row reject = read("csv", trained.resolve("bundle/rejects/train")).get(0);
        assertEquals(LABEL + ": no label", reject.getAs(RejectsWriter.REASON));
        assertEquals("r40", reject.getAs(ID));
    }

    @Test
    void scoringPassesEveryInputColumnThroughUnderItsNameUnusedOnesIncluded(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("score.csv"), table(6, null));
        ScoreJob.Result result = new ScoreJob(new ScoreJob.Options(trained.resolve("bundle").toString(),
                input.toString(), null, dir.resolve("out").toString(), "parquet", false, "local[2]", Map.of())).run();
        assertEquals(List.of(6L, 6L, 0L), List.of(result.rowsIn(), result.scored(), result.rejected()));

        List<Row> scored = read("parquet", dir.resolve("out"));
        List<String> columns = inputColumns(false);
        columns.addAll(List.of("predicted_label", "prediction", "probability_good", "probability_bad"));
        assertEquals(columns, List.of(scored.get(0).schema().fieldNames()));
        assertEquals(IntStream.range(0, 6).mapToObj(i -> "r" + i).toList(),
                scored.stream().map(r -> (String) r.getAs(ID)).sorted().toList());
        assertEquals(IntStream.range(0, 6).mapToObj(i -> "n" + i).toList(),
                scored.stream().map(r -> (String) r.getAs(UNUSED)).sorted().toList());
        assertTrue(scored.stream().allMatch(r -> List.of("good", "bad").contains(r.<String>getAs("predicted_label"))));
    }

    @Test
    void evaluationReadsTheLabelByItsNameAndRejectsAnUnknownClass(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(dir.resolve("labelled.csv"), table(8, CLASS) + "r8,1,1,1,1,1,1,S,ann,ugly,n8\n");
        EvaluateJob.Report report = new EvaluateJob(new EvaluateJob.Options(trained.resolve("bundle").toString(),
                input.toString(), null, dir.resolve("report").toString(), false, "local[2]", Map.of())).run();
        assertEquals(List.of(9L, 8L, 1L), List.of(report.rowsIn(), report.evaluated(), report.rejected()));
        Row reject = read("csv", dir.resolve("report/rejects")).get(0);
        assertEquals(LABEL + ": unknown class 'ugly'", reject.getAs(RejectsWriter.REASON));
        assertEquals(inputColumns(true), List.of(reject.schema().fieldNames()).subList(0, inputColumns(true).size()));
    }

    @Test
    void aBadValueIsNamedByItsColumnAsWritten(@TempDir Path dir) throws IOException {
        String rows = table(8, CLASS).replace("\nr2,2,0.5,", "\nr2,2,abc,");
        Path train = Files.writeString(dir.resolve("train.csv"), rows);
        String conf = CLASSIFIER.formatted(train, LABEL, hocon(NUMERIC), hocon(CATEGORICAL), INPUT_SIZE)
                .replace("bad-rows = skip", "bad-rows = error");
        DataSourceException e = assertThrows(DataSourceException.class, () -> train(dir, conf));
        assertTrue(e.getMessage().contains("column 'x_0.25': 1 value that is not a number, e.g. 'abc' in row 3"),
                e.getMessage());
    }

    /** A number to predict under an awkward name, with rows dropped for a missing awkward feature, trained and evaluated. */
    @Test
    void aRegressionLabelAndADroppedFeatureTrainAndEvaluateUnderTheirNames(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), table(40, i -> String.valueOf(i % 3)));
        train(dir, """
                data {
                  format = csv
                  table { train = "%s", test-fraction = 0.25, label = "%s", features = %s }
                }
                pipeline { missing = median, missing-by-column { "a.b" = drop } }
                model {
                  input { size = 6 }
                  layers = [ { type = output, units = 1, activation = identity, loss = mse } ]
                }
                train { strategy = local, epochs = 1, batch-size = 16 }
                """.formatted(train, LABEL, hocon(NUMERIC)));
        JsonNode manifest = json(dir.resolve("bundle/bundle.json"));
        assertTrue(manifest.at("/metrics/test/mean_baseline_rmse").isNumber(), manifest.at("/metrics/test").toString());

        // Rows 0 to 4 have every a.b: the drop strategy leaves nothing to impute.
        Path labelled = Files.writeString(dir.resolve("labelled.csv"), table(5, i -> String.valueOf(i % 3)));
        EvaluateJob.Report report = new EvaluateJob(new EvaluateJob.Options(dir.resolve("bundle").toString(),
                labelled.toString(), null, dir.resolve("report").toString(), false, "local[2]", Map.of())).run();
        assertEquals(5, ((Evaluation.Regression) report.metrics()).examples());
    }
}
