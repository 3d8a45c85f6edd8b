package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.IdxFiles;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.testing.Folders;
import io.sparktrain.testing.ScriptRun;
import java.time.Duration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient sharing through the launcher, in its own JVM, on a slice of MNIST: after the process
 * ends no Aeron directory is left in shared memory and no exported minibatch in the work folder.
 */
class SharingCleanupIT {
    private static Set<String> aeronDirs() {
        File[] entries = new File("/dev/shm").listFiles((d, name) -> name.startsWith("aeron-sparktrain-"));
        return entries == null ? Set.of() : Arrays.stream(entries).map(File::getName).collect(Collectors.toSet());
    }

    @Test
    void sharingLeavesNoAeronDirectoryAndNoExportedFiles(@TempDir Path dir) throws Exception {
        IdxFiles.slice(TestData.mnist("train-images-idx3-ubyte"), dir.resolve("train-images").toFile(), 4000);
        IdxFiles.slice(TestData.mnist("train-labels-idx1-ubyte"), dir.resolve("train-labels").toFile(), 4000);
        Set<String> before = aeronDirs();
        Path work = dir.resolve("work");

        ScriptRun run = ScriptRun.run(Duration.ofMinutes(10), "sparktrain", "train", "conf/mnist-mlp.conf", "--master", "local[2]",
                "--set", "train.strategy=sharing", "--set", "train.epochs=2",
                "--set", "data.train.images=\"" + dir.resolve("train-images") + "\"",
                "--set", "data.train.labels=\"" + dir.resolve("train-labels") + "\"",
                "--set", "train.averaging.work-dir=\"" + work + "\"",
                "--output", dir.resolve("bundle").toString());

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("strategy sharing"), run.output());
        assertTrue(Files.exists(dir.resolve("bundle/bundle.json")), run.output());
        assertEquals(before, aeronDirs(), "Aeron directories left in /dev/shm");
        assertEquals(List.of(), Folders.entries(work), "exported minibatches left in the work folder");
    }
}
