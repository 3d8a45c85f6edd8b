package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.score.ScoreJob;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped spam-lstm config end to end on Spark local[2], on an 800-e-mail slice of the real
 * SpamAssassin corpus with a smaller vocabulary and network so it runs in seconds.
 */
@SlowTest
class TextJobTest {
    @TempDir
    static Path corpus;

    @BeforeAll
    static void sliceCorpus() throws IOException {
        for (String label : List.of("ham", "spam")) {
            File folder = new File(TestData.dataRoot(), "spam/" + label);
            Path target = Files.createDirectories(corpus.resolve(label));
            try (Stream<Path> files = Files.list(folder.toPath()).sorted()) {
                for (Path file : files.limit(400).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
    }

    private static JsonNode train(Path dir, String root, String... extra) throws IOException {
        List<String> overrides = new ArrayList<>(List.of(
                "data.fetch=\"\"",
                "data.text.train=\"" + root + "\"",
                "data.text.vocab-size=2000",
                "data.text.sequence-length=50",
                "model.input.length=50",
                "model.layers=[ {type=embedding, vocab-size=2002, dimension=16}, {type=lstm, units=16},"
                        + " {type=output, units=2, activation=softmax, loss=cross-entropy} ]",
                "model.optimizer.learning-rate=0.01",
                "train.epochs=5",
                // A fixed epoch count to compare losses over; the shipped config stops early.
                "train.early-stopping.enabled=false",
                "train.averaging.frequency=2",
                "train.batch-size=16",
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\"",
                "output.bundle=\"" + dir.resolve("bundle") + "\""));
        overrides.addAll(List.of(extra));
        File conf = new File(TestData.projectDir(), "conf/spam-lstm.conf");
        new TrainJob(TrainJobConfigLoader.load(conf, overrides), new TrainJob.Options("local[2]", false, false, false))
                .run();
        return new ObjectMapper().readTree(dir.resolve("bundle/bundle.json").toFile());
    }

    @Test
    void embeddingAndLstmLearnSpamFromHamAndTheVocabularyIsSavedWithTheModel(@TempDir Path dir) throws IOException {
        JsonNode manifest = train(dir, corpus.toString());
        JsonNode history = manifest.get("history");
        assertEquals(5, history.size());
        double first = history.get(0).get("trainLoss").asDouble();
        double last = history.get(4).get("trainLoss").asDouble();
        assertTrue(last < first, "training loss went down: " + first + " -> " + last);
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.7, "balanced classes, so chance is 0.5; got " + accuracy);
        assertTrue(manifest.at("/metrics/test/f1").isNumber(), "spam-class F1 is reported");
        assertTrue(Files.isDirectory(dir.resolve("bundle/pipeline/stages")), "the fitted vocabulary is in the bundle");
    }

    @Test
    void aClassFolderNotInTheLabelsIsNamed(@TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("docs"));
        Files.createDirectories(root.resolve("ham"));
        Files.createDirectories(root.resolve("eggs"));
        Files.writeString(root.resolve("ham/1.txt"), "hello there");
        Files.writeString(root.resolve("eggs/1.txt"), "scrambled");
        DataSourceException e = assertThrows(DataSourceException.class, () -> train(dir, root.toString()));
        assertTrue(e.getMessage().contains("has 1 row(s) with a class not in data.labels [ham, spam], e.g. ['eggs']"),
                e.getMessage());
    }

    @Test
    void documentsFromACsvColumnTrainTheSameNetworkAndScoreWithTheirIdsPassedThrough(@TempDir Path dir)
            throws IOException {
        Path train = dir.resolve("mails.csv");
        Path unlabelled = dir.resolve("to-score.csv");
        StringBuilder labelled = new StringBuilder("id,body,class\n");
        StringBuilder toScore = new StringBuilder("id,body\n");
        int id = 0;
        for (String label : List.of("ham", "spam")) {
            try (Stream<Path> files = Files.list(corpus.resolve(label)).sorted()) {
                for (Path file : files.toList()) {
                    String quoted = "\"" + Files.readString(file, StandardCharsets.ISO_8859_1).replace("\"", "\"\"") + "\"";
                    labelled.append(id).append(',').append(quoted).append(',').append(label).append('\n');
                    if (id % 100 == 0) {
                        toScore.append(id).append(',').append(quoted).append('\n');
                    }
                    id++;
                }
            }
        }
        Files.writeString(train, labelled);
        Files.writeString(unlabelled, toScore);

        JsonNode manifest = train(dir, train.toString(), "data.text.column=body", "data.text.label=class");
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.7, "the same 800 e-mails as the folder test, from one CSV column; got " + accuracy);

        ScoreJob.Result result = new ScoreJob(new ScoreJob.Options(dir.resolve("bundle").toString(), unlabelled.toString(),
                null, dir.resolve("scores").toString(), "csv", false, "local[2]", Map.of())).run();
        assertEquals(8, result.rowsIn());
        assertEquals(8, result.scored());
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<Row> rows = spark.read().option("header", true).csv(result.output()).orderBy("id").collectAsList();
            assertEquals(8, rows.size());
            assertTrue(List.of(rows.get(0).schema().fieldNames()).contains("id"), "ids pass through");
            assertTrue(List.of("ham", "spam").contains(rows.get(0).<String>getAs("predicted_label")),
                    rows.get(0).toString());
        } finally {
            spark.stop();
        }
    }
}
