package io.sparktrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The user's entry point, {@code scripts/sparktrain}, run as a user runs it: a separate process. */
class LauncherIT {
    private static final File PROJECT = new File(System.getProperty("sparktrain.project.dir"));

    record Run(int exit, String output) {}

    private static Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/sparktrain"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(PROJECT).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "launcher did not finish");
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpDescribesTheJobs() throws Exception {
        Run run = launch("--help");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Usage: sparktrain"), run.output());
        assertTrue(run.output().contains("train"), run.output());
    }

    @Test
    void trainHelpDescribesEveryOption() throws Exception {
        Run run = launch("train", "--help");
        assertEquals(0, run.exit(), run.output());
        for (String option : new String[] {"--set", "--master", "--output", "--overwrite", "--check"}) {
            assertTrue(run.output().contains(option), option + " missing from:\n" + run.output());
        }
    }

    @Test
    void checkValidatesTheShippedConfigAndItsRealInputs() throws Exception {
        Run run = launch("train", "conf/mnist-mlp.conf", "--check", "--output", "target/launcher-it-bundle");
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("config conf/mnist-mlp.conf and its inputs are valid"), run.output());
    }

    @Test
    void badOverrideFailsWithExitCode2NamingTheKey() throws Exception {
        Run run = launch("train", "conf/mnist-mlp.conf", "--check", "--set", "train.strategy=gossip");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("train.strategy: is 'gossip'; allowed: averaging, local"), run.output());
    }
}
