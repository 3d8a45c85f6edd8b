package io.sparktrain.trainer.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.TestTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All 70,000 MNIST images scored with a freshly trained bundle: the predictions on the 10,000
 * test images must give exactly the test accuracy the bundle recorded, so scoring applies the very
 * model and preparation that training evaluated.
 */
class MnistScoringIT {

    @Test
    void scoringSeventyThousandImagesReproducesTheBundlesTestAccuracy(@TempDir Path dir) throws IOException {
        Path bundle = TestTraining.train("mnist-mlp.conf", dir, "train.epochs=1");
        double recorded = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile())
                .at("/metrics/test/accuracy").asDouble();

        ScoreJob.Result train = score(bundle, "train", dir.resolve("scores/train"));
        ScoreJob.Result test = score(bundle, "t10k", dir.resolve("scores/test"));
        assertEquals(60_000, train.scored());
        assertEquals(10_000, test.scored());

        SparkSession spark = SparkSession.builder().master("local[2]").getOrCreate();
        try {
            Dataset<Row> predictions = spark.read().parquet(test.output());
            long correct = predictions.filter("cast(predicted_label as double) = label").count();
            assertEquals(recorded, correct / 10_000.0, 0.0, "test accuracy from the scored images vs bundle.json");
            assertEquals(10_000, predictions.select("index").distinct().count(), "every image once, by its index");
        } finally {
            spark.stop();
        }
    }

    private static ScoreJob.Result score(Path bundle, String split, Path output) {
        return new ScoreJob(new ScoreJob.Options(bundle.toString(), TestData.mnist(split + "-images-idx3-ubyte").toString(),
                TestData.mnist(split + "-labels-idx1-ubyte").toString(), output.toString(), "parquet", false, "local[2]",
                Map.of())).run();
    }
}
