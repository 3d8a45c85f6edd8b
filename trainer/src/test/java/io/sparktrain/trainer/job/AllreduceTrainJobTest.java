package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.testing.IdxFiles;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train.strategy = allreduce} through the train job on Spark local[2]: the shipped MNIST
 * config on a slice of real MNIST (4,000 training and 1,000 test images).
 */
@SlowTest
class AllreduceTrainJobTest {
    @Test
    void allreduceOnLocal2TrainsTheMnistSliceWellAboveChance(@TempDir Path dir) throws IOException {
        Path slices = Files.createDirectories(dir.resolve("slices"));
        IdxFiles.slice(TestData.mnist("train-images-idx3-ubyte"), slices.resolve("train-images").toFile(), 4000);
        IdxFiles.slice(TestData.mnist("train-labels-idx1-ubyte"), slices.resolve("train-labels").toFile(), 4000);
        IdxFiles.slice(TestData.mnist("t10k-images-idx3-ubyte"), slices.resolve("test-images").toFile(), 1000);
        IdxFiles.slice(TestData.mnist("t10k-labels-idx1-ubyte"), slices.resolve("test-labels").toFile(), 1000);
        Path bundle = dir.resolve("bundle");
        File conf = new File(System.getProperty("sparktrain.project.dir"), "conf/mnist-mlp.conf");
        List<String> overrides = List.of(
                "data.fetch=\"\"",
                "data.train.images=\"" + slices.resolve("train-images") + "\"",
                "data.train.labels=\"" + slices.resolve("train-labels") + "\"",
                "data.test.images=\"" + slices.resolve("test-images") + "\"",
                "data.test.labels=\"" + slices.resolve("test-labels") + "\"",
                "train.strategy=allreduce",
                "train.epochs=3",
                // The shipped dropout pays off over 15 full-MNIST epochs, not 3 on a slice.
                "model.dropout=0",
                "train.collect-stats=true",
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\"",
                "output.bundle=\"" + bundle + "\"");

        new TrainJob(TrainJobConfigLoader.load(conf, overrides), new TrainJob.Options("local[2]", false, false, false))
                .run();

        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        // 3 epochs of 16 steps of 2 x 128 examples; measured 0.898.
        assertTrue(accuracy > 0.80, "10 classes, so chance is 0.10; got " + accuracy);
        assertEquals(3, manifest.get("history").size());
        assertFalse(manifest.at("/history/2/trainLoss").isNull(), "allreduce reports the workers' mean loss");
        assertTrue(manifest.at("/history/2/trainLoss").asDouble() < manifest.at("/history/0/trainLoss").asDouble());
        assertEquals(2 * 16 * 3, manifest.at("/trainingStats/AllreduceCompute/count").asInt(),
                "2 workers x 16 steps x 3 epochs: " + manifest.get("trainingStats"));
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(bundle.resolve("network.zip").toFile(), true);
        assertEquals(3, network.getEpochCount());
        assertTrue(network.getUpdater().getStateViewArray() != null, "updater state is saved for later training");
        try (Stream<Path> left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "exported minibatches are deleted when the job ends");
        }
    }
}
