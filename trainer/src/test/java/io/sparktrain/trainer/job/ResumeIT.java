package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.testing.Launched;
import io.sparktrain.testing.Folders;
import io.sparktrain.testing.ScriptRun;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run on full MNIST stopped by a signal after epoch 2 of 4, then resumed with
 * {@code --resume}, must end like an undisturbed run: 4 epochs of history and the same accuracy
 * within half a point.
 */
class ResumeIT {
    private static final int EPOCHS = 4;

    private static String[] train(Path bundle, Path work, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "conf/mnist-mlp.conf",
                "--set", "train.epochs=" + EPOCHS, "--set", "train.averaging.work-dir=\"" + work + "\"",
                "--output", bundle.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void runStoppedAfterEpoch2ResumesToTheAccuracyOfAnUndisturbedRun(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("resumed");
        Path work = dir.resolve("work");

        Launched interrupted = Launched.start(train(bundle, work));
        interrupted.awaitLine(line -> line.contains("epoch 2/" + EPOCHS), 600);
        Path checkpoint = bundle.resolve("checkpoints/epoch-00002/state.json");
        for (int i = 0; i < 600 && !Files.exists(checkpoint); i++) {
            Thread.sleep(100);
        }
        interrupted.terminate();
        assertTrue(Files.exists(checkpoint), "epoch 2 was checkpointed:\n" + interrupted.output());
        assertFalse(Files.exists(bundle.resolve("bundle.json")), "an interrupted run must not look complete");
        assertEquals(List.of(), Folders.entries(work), "a job stopped by a signal still deletes its exported minibatches");

        ScriptRun refused = ScriptRun.run(Duration.ofMinutes(5), "sparktrain", train(bundle, work));
        assertEquals(2, refused.exit(), refused.output());
        assertTrue(refused.output().contains("pass --resume to continue it"), refused.output());

        ScriptRun resumed = ScriptRun.run(Duration.ofMinutes(10), "sparktrain", train(bundle, work, "--resume"));
        assertEquals(0, resumed.exit(), resumed.output());
        assertTrue(resumed.output().contains("resumed after epoch 2"), resumed.output());
        assertFalse(resumed.output().contains("epoch 1/" + EPOCHS), "epochs 1 and 2 are not trained again");

        Path undisturbedBundle = dir.resolve("undisturbed");
        ScriptRun undisturbed = ScriptRun.run(Duration.ofMinutes(10), "sparktrain", train(undisturbedBundle, work));
        assertEquals(0, undisturbed.exit(), undisturbed.output());

        JsonNode resumedManifest = new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
        JsonNode undisturbedManifest = new ObjectMapper().readTree(undisturbedBundle.resolve("bundle.json").toFile());
        assertEquals(EPOCHS, resumedManifest.get("history").size());
        for (int i = 0; i < EPOCHS; i++) {
            assertEquals(i + 1, resumedManifest.at("/history/" + i + "/epoch").asInt());
        }
        double resumedAccuracy = resumedManifest.at("/metrics/test/accuracy").asDouble();
        double undisturbedAccuracy = undisturbedManifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(resumedAccuracy >= 0.97, "resumed run reached " + resumedAccuracy);
        assertTrue(Math.abs(resumedAccuracy - undisturbedAccuracy) <= 0.005,
                "resumed " + resumedAccuracy + " vs undisturbed " + undisturbedAccuracy);
        assertEquals(List.of(), Folders.entries(work), "no exported minibatches left behind");
    }
}
