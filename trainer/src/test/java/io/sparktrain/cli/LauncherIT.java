package io.sparktrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.testing.ScriptRun;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The user's entry point, {@code scripts/sparktrain}, run as a user runs it: a separate process. */
class LauncherIT {
    private static ScriptRun launch(String... args) throws IOException, InterruptedException {
        return ScriptRun.run(Duration.ofMinutes(5), "sparktrain", args);
    }

    @Test
    void helpDescribesTheJobs() throws Exception {
        ScriptRun run = launch("--help");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Usage: sparktrain"), run.output());
        assertTrue(run.output().contains("train"), run.output());
    }

    @Test
    void trainHelpDescribesEveryOption() throws Exception {
        ScriptRun run = launch("train", "--help");
        assertEquals(0, run.exit(), run.output());
        for (String option : new String[] {"--set", "--master", "--output", "--overwrite", "--resume", "--check"}) {
            assertTrue(run.output().contains(option), option + " missing from:\n" + run.output());
        }
    }

    @Test
    void checkValidatesTheShippedConfigAndItsRealInputs() throws Exception {
        ScriptRun run = launch("train", "conf/mnist-mlp.conf", "--check", "--output", "target/launcher-it-bundle");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("config conf/mnist-mlp.conf and its inputs are valid"), run.output());
    }

    @Test
    void badOverrideFailsWithExitCode2NamingTheKey() throws Exception {
        ScriptRun run = launch("train", "conf/mnist-mlp.conf", "--check", "--set", "train.strategy=gossip");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("train.strategy: is 'gossip'; allowed: averaging, sharing, allreduce, local"), run.output());
    }
}
