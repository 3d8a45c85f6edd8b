package io.sparktrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparktrainCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return SparktrainCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void topLevelHelpListsTheJobs() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("train"), out.toString());
        assertTrue(out.toString().contains("Train a network on Spark"), out.toString());
        assertTrue(out.toString().contains("doctor"), out.toString());
    }

    @Test
    void trainHelpDescribesEveryOption() {
        assertEquals(0, run("train", "--help"));
        String help = out.toString();
        for (String option : new String[] {"CONF", "--set", "--master", "--output", "--overwrite", "--resume", "--check",
            "--skip-checks", "--help"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    @Test
    void doctorHelpDescribesTheChecksAndTakesTrainsArguments() {
        assertEquals(0, run("doctor", "--help"));
        String help = out.toString();
        for (String text : new String[] {"CONF", "--set", "--master", "--output", "--overwrite", "--resume",
            "without training", "exits with 2"}) {
            assertTrue(help.contains(text), text + " missing from:\n" + help);
        }
    }

    @Test
    void badConfigExitsWithCode2AndNamesTheKey(@TempDir Path dir) throws Exception {
        File conf = dir.resolve("bad.conf").toFile();
        Files.writeString(conf.toPath(), "train.epochz = 3\n");
        assertEquals(SparktrainCli.EXIT_BAD_INPUT, run("train", conf.getPath()));
        assertTrue(err.toString().contains("train.epochz: unknown key"), err.toString());
        assertTrue(err.toString().contains("did you mean 'train.epochs'?"), err.toString());
        assertTrue(err.toString().contains("data.train.images: is required but missing"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("train", "--epochs", "3", "x.conf"));
        assertTrue(err.toString().contains("Unknown options: '--epochs'"), err.toString());
    }
}
