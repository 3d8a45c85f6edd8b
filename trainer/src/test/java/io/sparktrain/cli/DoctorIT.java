package io.sparktrain.cli;

import io.sparktrain.pipeline.testing.TestData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.testing.Launched;
import io.sparktrain.testing.ScriptRun;
import java.time.Duration;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparktrain doctor} in its own JVM: through the launcher as a user runs it, and in a
 * plain {@code java} command without Spark's module opens, as an IDE or a hand-written script
 * would start it.
 */
class DoctorIT {
    private static final String JAR = "trainer/target/sparktrain-trainer-0.1.0-SNAPSHOT.jar";

    @Test
    void launcherFindsTheShippedJobHealthy(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.run(Duration.ofMinutes(5), "sparktrain", "doctor", "conf/mnist-mlp.conf", "--output", dir.resolve("bundle").toString(),
                "--set", "train.averaging.work-dir=\"" + dir.resolve("work") + "\"");
        assertEquals(0, run.exit(), run.output());
        List<String> rows = run.output().lines().filter(line -> line.matches("(OK|WARN|FAIL|SKIP) .*")).toList();
        assertEquals(16, rows.size(), run.output());
        assertTrue(rows.stream().allMatch(line -> line.startsWith("OK ")), run.output());
        assertTrue(run.output().contains("16 checks in "), run.output());
    }

    @Test
    void jvmWithoutModuleOpensIsToldWhichAreMissingAndSparkIsNotStarted(@TempDir Path dir) throws Exception {
        String classpath = JAR + File.pathSeparator
                + Files.readString(new File(TestData.projectDir(), "trainer/target/classpath.txt").toPath()).trim();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Launched run = Launched.startCommand(List.of(java, "-Xmx2g",
                "-Dlog4j2.configurationFile=conf/log4j2.properties", "-cp", classpath, SparktrainCli.class.getName(),
                "doctor", "conf/mnist-mlp.conf", "--output", dir.resolve("bundle").toString(),
                "--set", "train.averaging.work-dir=\"" + dir.resolve("work") + "\""));
        assertEquals(SparktrainCli.EXIT_BAD_INPUT, run.awaitExit(5), run.output());
        String output = run.output();
        assertTrue(output.lines().anyMatch(line -> line.matches("FAIL +module opens +this JVM lacks 15 of the 15 --add-opens"
                + " Spark needs on Java 17 \\(.*java.base/sun.nio.ch.*")), output);
        assertTrue(output.contains("fix: start Java with the parent pom's spark.java17.opens"), output);
        assertTrue(output.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), output);
        assertTrue(output.lines().anyMatch(line -> line.matches("SKIP +executors +not run: Spark cannot start in this JVM")),
                output);
        assertTrue(output.lines().anyMatch(line -> line.matches("OK +java +Java 17.*")), output);
    }
}
