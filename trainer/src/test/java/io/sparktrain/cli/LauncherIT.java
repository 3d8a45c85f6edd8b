package io.sparktrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.testing.Launched;
import org.junit.jupiter.api.Test;

/** The user's entry point, {@code scripts/sparktrain}, run as a user runs it: a separate process. */
class LauncherIT {

    @Test
    void helpDescribesTheJobs() throws Exception {
        Launched run = Launched.run(5, "--help");
        assertEquals(0, run.exitValue(), run.output());
        assertTrue(run.output().contains("Usage: sparktrain"), run.output());
        assertTrue(run.output().contains("train"), run.output());
    }

    @Test
    void trainHelpDescribesEveryOption() throws Exception {
        Launched run = Launched.run(5, "train", "--help");
        assertEquals(0, run.exitValue(), run.output());
        for (String option : new String[] {"--set", "--master", "--output", "--overwrite", "--resume", "--check"}) {
            assertTrue(run.output().contains(option), option + " missing from:\n" + run.output());
        }
    }

    @Test
    void checkValidatesTheShippedConfigAndItsRealInputs() throws Exception {
        Launched run = Launched.run(5, "train", "conf/mnist-mlp.conf", "--check", "--output", "target/launcher-it-bundle");
        assertEquals(0, run.exitValue(), run.output());
        assertTrue(run.output().contains("config conf/mnist-mlp.conf and its inputs are valid"), run.output());
    }

    @Test
    void badOverrideFailsWithExitCode2NamingTheKey() throws Exception {
        Launched run = Launched.run(5, "train", "conf/mnist-mlp.conf", "--check", "--set", "train.strategy=gossip");
        assertEquals(2, run.exitValue(), run.output());
        assertTrue(run.output().contains("train.strategy: is 'gossip'; allowed: averaging, sharing, local"), run.output());
    }
}
