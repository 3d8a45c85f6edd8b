package io.sparktrain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparktrain doctor} end to end in this JVM on Spark local[2], the executor probe included:
 * the shipped MNIST job on a healthy setup, and one broken on purpose.
 */
class DoctorCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int doctor(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("doctor", new File(TestData.projectDir(), "conf/mnist-mlp.conf").getPath(),
                "--master", "local[2]",
                "--set", "data.fetch=\"\"",
                "--set", "data.root=\"" + TestData.dataRoot().getAbsolutePath() + "\"",
                "--set", "train.averaging.work-dir=\"" + dir.resolve("work") + "\"",
                "--output", dir.resolve("bundle").toString()));
        args.addAll(List.of(extra));
        return SparktrainCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    @Test
    void healthyLocalSetupIsAllOkWellUnderThirtySeconds(@TempDir Path dir) {
        long start = System.nanoTime();
        int exit = doctor(dir);
        double seconds = (System.nanoTime() - start) / 1e9;

        String table = out.toString();
        assertEquals(0, exit, table + err);
        assertTrue(seconds < 30, "took " + seconds + " s:\n" + table);
        List<String> rows = table.lines().filter(line -> line.matches("(OK|WARN|FAIL|SKIP) .*")).toList();
        assertEquals(16, rows.size(), table);
        assertTrue(rows.stream().allMatch(line -> line.startsWith("OK ")), table);
        assertTrue(table.contains("16 checks in "), table);
        assertTrue(table.lines().anyMatch(line -> line.matches("OK +executors +.*")
                && line.contains("2 task(s) ran on 1 executor(s); driver on ")
                && line.matches(".*ND4J CPU/OPENBLAS (generic x86|AVX/AVX2|AVX512) build( with oneDNN)?, 1 native thread\\(s\\)"
                        + " per task, module opens in effect.*")), table);
        assertTrue(table.lines().anyMatch(line -> line.matches("OK +native backend +.*build.*helpers.*")), table);
    }

    @Test
    void missingRegistratorFailsOnTheDriverAndOnTheExecutorsWithExitCode2(@TempDir Path dir) {
        int exit = doctor(dir, "--set", "spark.conf.\"spark.kryo.registrator\"=com.example.NoSuchRegistrator");
        String table = out.toString();
        assertEquals(SparktrainCli.EXIT_BAD_INPUT, exit, table + err);
        assertTrue(table.lines().anyMatch(line -> line.matches("FAIL +kryo serializer +.*")
                && line.contains("ClassNotFoundException: com.example.NoSuchRegistrator")), table);
        assertTrue(table.lines().anyMatch(line -> line.matches("FAIL +executors +the probe job failed: .*")
                && line.contains("ClassNotFoundException: com.example.NoSuchRegistrator")), table);
    }
}
