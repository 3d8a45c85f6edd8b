package io.sparktrain.trainer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.report.DataReport;
import io.sparktrain.trainer.engine.CheckpointState;
import io.sparktrain.trainer.engine.EarlyStopping;
import io.sparktrain.trainer.engine.EpochResult;
import io.sparktrain.trainer.engine.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class BundleDirectoryTest {
    @TempDir
    Path dir;

    private static Network network(long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(0.01)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        return new Network.Stack(network);
    }

    private static CheckpointState state(int epoch) {
        List<EpochResult> history = Stream.iterate(1, e -> e + 1).limit(epoch)
                .map(e -> new EpochResult(e, 0.5 / e, Map.of(), Map.of("accuracy", 0.8 + e / 100.0), 100, 1, 0.1, e))
                .toList();
        return new CheckpointState(epoch, history, new EarlyStopping(epoch, 0.8 + epoch / 100.0, 0));
    }

    private BundleDirectory bundle() {
        return new BundleDirectory(dir.resolve("bundle").toString(), new Configuration());
    }

    @Test
    void checkpointsKeepTheNewestAndRestoreNetworkUpdaterAndState() throws IOException {
        BundleDirectory bundle = bundle();
        CheckpointStore store = bundle.checkpoints(2, false);
        assertTrue(store.latest().isEmpty());
        Network last = null;
        for (int epoch = 1; epoch <= 3; epoch++) {
            last = network(epoch);
            store.save(last, state(epoch));
        }
        try (Stream<Path> files = Files.list(dir.resolve("bundle/checkpoints"))) {
            assertEquals(List.of("epoch-00002", "epoch-00003"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the newest two are kept and no staging directory is left");
        }
        CheckpointStore.Checkpoint restored = store.latest().orElseThrow();
        assertEquals(last.params(), restored.network().params());
        assertEquals(last.updaterState(), restored.network().updaterState());
        assertEquals(state(3), restored.state());
        assertEquals(BundleDirectory.State.INTERRUPTED, bundle.state(), "checkpoints but no bundle.json yet");
    }

    @Test
    void epochCountSurvivesACheckpointSoEpochSchedulesContinueWhereTheyStopped() {
        CheckpointStore store = bundle().checkpoints(2, false);
        Network network = network(3);
        for (int i = 0; i < 3; i++) {
            network.incrementEpochCount();
        }
        store.save(network, state(3));
        assertEquals(3, store.latest().orElseThrow().network().epochCount());
    }

    @Test
    void bestCheckpointSurvivesPruning() {
        CheckpointStore store = bundle().checkpoints(1, false);
        Network best = network(7);
        store.save(best, state(1));
        store.saveBest(best, state(1));
        store.save(network(8), state(2));
        store.save(network(9), state(3));
        assertEquals(best.params(), store.best().orElseThrow().network().params());
        assertEquals(1, store.best().orElseThrow().state().epoch());
    }

    @Test
    void existingCompleteBundleIsRefusedUnlessOverwriteIsAsked() {
        BundleDirectory bundle = bundle();
        bundle.writeFinal(network(1), manifest());
        assertEquals(BundleDirectory.State.COMPLETE, bundle.state());
        BundleExistsException e = assertThrows(BundleExistsException.class, () -> bundle.checkUsable(false, false));
        assertTrue(e.getMessage().contains("already exists; pass --overwrite"), e.getMessage());
        bundle.checkUsable(true, false);
    }

    @Test
    void interruptedRunIsRefusedWithTheResumeHint() {
        BundleDirectory bundle = bundle();
        bundle.checkpoints(2, false).save(network(1), state(1));
        BundleExistsException e = assertThrows(BundleExistsException.class, () -> bundle.checkUsable(false, false));
        assertTrue(e.getMessage().contains("interrupted run"), e.getMessage());
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
        bundle.checkUsable(false, true);
    }

    @Test
    void aRunThatStoppedBeforeItsFirstCheckpointIsRefusedWithTheOverwriteHintOnly() {
        BundleDirectory bundle = bundle();
        bundle.writeDataReport(new DataReport(List.of(), 0, 0, "", List.of(), Map.of(), Map.of(), Map.of()));
        BundleExistsException e = assertThrows(BundleExistsException.class, () -> bundle.checkUsable(false, false));
        assertTrue(e.getMessage().contains("holds no bundle.json and no checkpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("pass --overwrite to start over") && !e.getMessage().contains("--resume"),
                e.getMessage());
        bundle.checkUsable(true, false);
    }

    @Test
    void resumeWithoutACheckpointIsRefused() {
        BundleExistsException e = assertThrows(BundleExistsException.class, () -> bundle().checkUsable(false, true));
        assertTrue(e.getMessage().contains("holds no checkpoint to resume from"), e.getMessage());
    }

    @Test
    void finalWriteLeavesOnlyTheNetworkTheManifestAndCheckpoints() throws IOException {
        BundleDirectory bundle = bundle();
        bundle.checkpoints(2, false).save(network(1), state(1));
        bundle.writeFinal(network(1), manifest());
        try (Stream<Path> files = Files.list(dir.resolve("bundle"))) {
            // Hadoop's local filesystem keeps a .NAME.crc checksum beside each file; those are its, not ours.
            assertEquals(List.of("bundle.json", "checkpoints", "network.zip"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList());
        }
        assertFalse(Files.readString(dir.resolve("bundle/bundle.json")).isBlank());
    }

    private static BundleManifest manifest() {
        return new BundleManifest(BundleManifest.FORMAT, BundleManifest.FORMAT_VERSION, "now", "test", 1,
                new Versions("0", "0", "0", "0", "0", "17"), BundleManifest.NETWORK_FILE, "classification",
                List.of("a", "b"), 3, null, state(1).history(), 1, false, Map.of("test", Map.of("accuracy", 0.9)), Map.of(),
                Map.of());
    }
}
