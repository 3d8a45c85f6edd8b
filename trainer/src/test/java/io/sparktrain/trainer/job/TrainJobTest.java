package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.testing.IdxFiles;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.bundle.BundleExistsException;
import io.sparktrain.trainer.doctor.ChecksFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train job end to end on Spark local[2]: the shipped MNIST config, on a slice of real MNIST
 * (4,000 training and 1,000 test images) so it runs in seconds.
 */
@SlowTest
class TrainJobTest {
    @TempDir
    static Path slices;

    /**
     * The default threshold (0.0001) is tuned on full MNIST (README, "Training strategies"). On this
     * 4,000-image slice, 31 minibatches an epoch, 3 epochs of sharing measured 0.84 test accuracy at
     * 0.001 but 0.76-0.79 at 0.0001, even with 5 epochs.
     */
    private static final String SLICE_SHARING_THRESHOLD = "train.sharing.threshold=0.001";

    /** A one-output graph (ComputationGraph) in place of the shipped config's layer stack. */
    private static final String GRAPH = "model.graph={ vertices=[ {name=hidden, inputs=[input], type=dense, units=128,"
            + " activation=relu}, {name=digit, inputs=[hidden], type=output, units=10, activation=softmax,"
            + " loss=cross-entropy} ], outputs=[digit] }";

    @BeforeAll
    static void sliceMnist() throws IOException {
        IdxFiles.slice(TestData.mnist("train-images-idx3-ubyte"), slices.resolve("train-images").toFile(), 4000);
        IdxFiles.slice(TestData.mnist("train-labels-idx1-ubyte"), slices.resolve("train-labels").toFile(), 4000);
        IdxFiles.slice(TestData.mnist("t10k-images-idx3-ubyte"), slices.resolve("test-images").toFile(), 1000);
        IdxFiles.slice(TestData.mnist("t10k-labels-idx1-ubyte"), slices.resolve("test-labels").toFile(), 1000);
    }

    private static TrainJobConfig config(Path bundle, String... extra) {
        File conf = new File(System.getProperty("sparktrain.project.dir"), "conf/mnist-mlp.conf");
        return TrainJobConfigLoader.load(conf, overrides(bundle, extra));
    }

    /** Overrides that point the shipped MNIST config at the slices, a small run and {@code bundle}. */
    private static List<String> overrides(Path bundle, String... extra) {
        List<String> overrides = new ArrayList<>(List.of(
                "data.fetch=\"\"",
                "data.train.images=\"" + slices.resolve("train-images") + "\"",
                "data.train.labels=\"" + slices.resolve("train-labels") + "\"",
                "data.test.images=\"" + slices.resolve("test-images") + "\"",
                "data.test.labels=\"" + slices.resolve("test-labels") + "\"",
                "train.epochs=3",
                // These tests are about dl4j-spark's strategies; the shipped one, allreduce, has AllreduceTrainJobTest.
                "train.strategy=averaging",
                // The shipped dropout pays off over 15 full-MNIST epochs, not 3 on a slice.
                "model.dropout=0",
                // The slice is small: average more often than the shipped config so 3 epochs are enough.
                "train.averaging.frequency=3",
                "train.averaging.work-dir=\"" + bundle.getParent().resolve("work") + "\"",
                "output.bundle=\"" + bundle + "\""));
        overrides.addAll(List.of(extra));
        return overrides;
    }

    @Test
    void averagingOnLocal2TrainsWellAboveChanceAndWritesACompleteBundle(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle");
        TrainJob.Result result = new TrainJob(config(bundle), new TrainJob.Options("local[2]", false, false, false)).run();

        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.80, "10 classes, so chance is 0.10; got " + accuracy);
        assertEquals(1000, manifest.at("/metrics/test/examples").asInt());
        assertEquals(3, manifest.get("history").size());
        assertTrue(manifest.at("/history/0/examplesPerSecond").asDouble() > 0);
        assertEquals("1.0.0-M2", manifest.at("/versions/dl4j").asText());
        assertEquals("3.5.7", manifest.at("/versions/spark").asText());
        assertEquals(42, manifest.get("seed").asInt());
        assertEquals("9", manifest.at("/labels/9").asText());
        assertEquals(3, manifest.at("/config/train/epochs").asInt(), "the resolved config, overrides included");
        assertEquals(accuracy, result.manifest().metrics().get("test").get("accuracy"));

        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(bundle.resolve("network.zip").toFile(), true);
        assertEquals(269_322, network.numParams());
        assertTrue(network.getUpdater().getStateViewArray() != null, "updater state is saved for later training");

        try (Stream<Path> left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "exported minibatches are deleted when the job ends");
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertFalse(siblings.anyMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging left");
        }
    }

    /**
     * Gradient sharing, on a graph network (the layer stack is covered by SharingCleanupIT and the
     * cluster test). The one sharing job of this JVM: DL4J's parameter server is a JVM singleton.
     */
    @Test
    void sharingOnLocal2TrainsAGraphNetworkWellAboveChance(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle");
        new TrainJob(config(bundle, "train.strategy=sharing", SLICE_SHARING_THRESHOLD, "model.layers=null", GRAPH),
                new TrainJob.Options("local[2]", false, false, false)).run();
        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.80, "10 classes, so chance is 0.10; got " + accuracy);
        assertTrue(manifest.at("/history/0/trainLoss").isNull(), "gradient sharing reports no training loss");
        ModelSerializer.restoreComputationGraph(bundle.resolve("network.zip").toFile(), true);
        try (Stream<Path> left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "exported minibatches are deleted when the job ends");
        }

        // A second sharing job in this JVM: the pre-training checks find the driver's port taken by the first
        // job's parameter server; past them, the engine refuses it rather than hang.
        ChecksFailedException checked = assertThrows(ChecksFailedException.class, () -> new TrainJob(
                config(dir.resolve("second"), "train.strategy=sharing"),
                new TrainJob.Options("local[2]", false, false, false)).run());
        assertTrue(checked.getMessage().contains("aeron port"), checked.getMessage());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new TrainJob(
                config(dir.resolve("second"), "train.strategy=sharing"),
                new TrainJob.Options("local[2]", false, false, false, true)).run());
        assertTrue(refused.getMessage().contains("gradient sharing can run once per JVM"), refused.getMessage());
    }

    @Test
    void graphNetworkTrainsWithParameterAveraging(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle");
        new TrainJob(config(bundle, "model.layers=null", GRAPH), new TrainJob.Options("local[2]", false, false, false)).run();
        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.80, "averaging on a graph: 10 classes, chance 0.10; got " + accuracy);
        ModelSerializer.restoreComputationGraph(bundle.resolve("network.zip").toFile(), true);
    }

    @Test
    void earlyStoppingStopsOnHeldOutValidationDataAndKeepsTheBestEpoch(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle");
        // No epoch can improve accuracy by 0.5 after the first, so training stops after 1 + patience epochs.
        TrainJob.Result result = new TrainJob(config(bundle, "train.epochs=6", "train.validation-fraction=0.2",
                "train.early-stopping.enabled=true", "train.early-stopping.patience=2",
                "train.early-stopping.min-delta=0.5", "train.collect-stats=true"),
                new TrainJob.Options("local[2]", false, false, false)).run();
        JsonNode manifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        assertTrue(manifest.get("stoppedEarly").asBoolean());
        assertEquals(3, manifest.get("history").size());
        assertEquals(1, manifest.get("finalEpoch").asInt());
        assertEquals(manifest.at("/history/0/test/accuracy").asDouble(), manifest.at("/metrics/test/accuracy").asDouble(),
                "the bundle's metrics are those of the network it holds, the best epoch's");
        double trainShare = manifest.at("/metrics/validation/examples").asDouble() / 4000;
        assertTrue(trainShare > 0.15 && trainShare < 0.25, "about 20% of 4,000 held out, got " + trainShare);
        assertTrue(manifest.at("/metrics/validation/loss").asDouble() > 0);
        MultiLayerNetwork best = ModelSerializer.restoreMultiLayerNetwork(bundle.resolve("checkpoints/best/network.zip").toFile(), true);
        MultiLayerNetwork written = ModelSerializer.restoreMultiLayerNetwork(bundle.resolve("network.zip").toFile(), true);
        assertEquals(best.params(), written.params());
        assertTrue(manifest.get("trainingStats").size() > 0, "dl4j-spark timing statistics were collected");
        assertEquals(result.manifest().finalEpoch(), 1);
    }

    @Test
    void aFolderOfExportedMinibatchesThatCannotBeDeletedLeavesTheRunAndItsBundleIntact(@TempDir Path dir)
            throws IOException {
        Path bundle = dir.resolve("bundle");
        Path work = dir.resolve("undeletable-work");
        // The doctor's writable-location probe would fail on this store: skip the checks.
        new TrainJob(config(bundle, "train.epochs=1",
                "train.averaging.work-dir=\"" + UndeletableFileSystem.SCHEME + "://" + work + "\"",
                "spark.conf.\"spark.hadoop.fs." + UndeletableFileSystem.SCHEME + ".impl\"=\""
                        + UndeletableFileSystem.class.getName() + "\""),
                new TrainJob.Options("local[2]", false, false, false, true)).run();

        assertTrue(Files.exists(bundle.resolve("bundle.json")), "the bundle is complete");
        ModelSerializer.restoreMultiLayerNetwork(bundle.resolve("network.zip").toFile(), true);
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(1, left.count(), "the export folder is left behind, with a warning naming it");
        }
    }

    @Test
    void existingBundleIsRefusedBeforeAnyTraining(@TempDir Path dir) throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("bundle.json"), "{\"keep\": true}");
        TrainJob job = new TrainJob(config(bundle), new TrainJob.Options("local[2]", false, false, false));
        BundleExistsException e = assertThrows(BundleExistsException.class, job::run);
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertEquals("{\"keep\": true}", Files.readString(bundle.resolve("bundle.json")), "the old bundle is untouched");
    }

    @Test
    void failingCheckStopsTheJobWithTheDoctorsTableBeforeTraining(@TempDir Path dir) {
        Path bundle = dir.resolve("bundle");
        TrainJob job = new TrainJob(config(bundle, "spark.conf.\"spark.kryo.registrator\"=\"\""),
                new TrainJob.Options("local[2]", false, false, false));
        ChecksFailedException e = assertThrows(ChecksFailedException.class, job::run);
        assertTrue(e.getMessage().lines().anyMatch(line -> line.matches("FAIL +kryo serializer +spark.kryo.registrator is"
                + " empty and an INDArray does not survive Kryo.*")), e.getMessage());
        assertTrue(e.getMessage().contains("fix: remove spark.conf.\"spark.kryo.registrator\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("or pass --skip-checks to train anyway"), e.getMessage());
        assertFalse(Files.exists(bundle), "nothing written");
    }

    @Test
    void skipChecksGoesOnToDl4jWhichRefusesTheSameRegistratorItself(@TempDir Path dir) {
        Path bundle = dir.resolve("bundle");
        TrainJob job = new TrainJob(config(bundle, "spark.conf.\"spark.kryo.registrator\"=\"\""),
                new TrainJob.Options("local[2]", false, false, false, true));
        // DL4J's own check (SparkUtils.checkKryoConfiguration) runs when the training master is built, before any epoch.
        RuntimeException e = assertThrows(RuntimeException.class, job::run);
        assertFalse(e instanceof ChecksFailedException, "--skip-checks skips the checks: " + e);
        assertTrue(e.getMessage().contains("Kryo"), e.toString());
        assertFalse(Files.exists(bundle.resolve("bundle.json")), "nothing trained");
    }

    @Test
    void inputSizeThatDoesNotMatchTheDataIsRejectedBeforeSpark(@TempDir Path dir) {
        TrainJob job = new TrainJob(config(dir.resolve("bundle"), "model.input.size=700"),
                new TrainJob.Options("local[2]", false, false, true));
        DataSourceException e = assertThrows(DataSourceException.class, job::run);
        assertTrue(e.getMessage().contains("model.input.size is 700"), e.getMessage());
        assertTrue(e.getMessage().contains("set model.input.size = 784"), e.getMessage());
    }
}
