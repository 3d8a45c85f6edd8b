package io.sparktrain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.pipeline.testing.IdxFiles;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.testing.ScriptRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparktrain on a real Spark standalone cluster: a master and two one-core workers as separate JVMs
 * on 127.0.0.1 ({@code scripts/cluster}). Unlike local[N], executors here load the job from the
 * shipped uber jar and send parameters over the network, and the driver is a different JVM: the
 * two ways a user trains on a cluster, {@code scripts/sparktrain --master spark://...} and
 * {@code spark-submit} of the uber jar, are each run end to end.
 */
class StandaloneClusterIT {
    private static final Duration TRAINING = Duration.ofMinutes(8);
    private static final File PROJECT = TestData.projectDir();
    private static final Path APP_JAR =
            PROJECT.toPath().resolve("trainer/target/sparktrain-trainer-0.1.0-SNAPSHOT-all.jar");
    private static final Path CONFIG = PROJECT.toPath().resolve("conf/mnist-mlp.conf");
    private static final String LOG_CONFIG = "conf/log4j2.properties";

    @TempDir
    static Path tmp;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        cluster = new LocalCluster(PROJECT.toPath().resolve("trainer/target/cluster-it"));
        cluster.start(2, 1, "3g");
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    void launcherTrainsFullMnistTo97PercentWithTasksOnBothExecutors() throws IOException, InterruptedException {
        TestData.mnist("train-images-idx3-ubyte");
        Path out = Files.createDirectories(tmp.resolve("launcher"));
        Path events = Files.createDirectories(out.resolve("events"));
        long start = System.nanoTime();
        ScriptRun run = ScriptRun.run(TRAINING, Map.of("SPARKTRAIN_DRIVER_MEMORY", "2g"), "sparktrain", List.of(
                "train", "conf/mnist-mlp.conf", "--master", cluster.masterUrl(),
                "--set", "train.epochs=4",
                "--set", "data.root=" + quoted(TestData.dataRoot().toString()),
                "--set", "train.averaging.work-dir=" + quoted(out.resolve("work").toString()),
                "--set", "spark.conf.\"spark.eventLog.enabled\"=true",
                "--set", "spark.conf.\"spark.eventLog.dir\"=" + quoted(events.toUri().toString()),
                "--output", out.resolve("bundle").toString()));
        report("scripts/sparktrain --master " + cluster.masterUrl(), run, start);
        assertEquals(0, run.exit(), run.output());

        JsonNode manifest = manifest(out.resolve("bundle"));
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy >= 0.97, "4 epochs of full MNIST reach 0.97 test accuracy on local[2]; got " + accuracy);
        assertEquals(4, manifest.get("history").size());
        Set<String> executors = EventLogs.executorsThatRanTasks(events);
        System.out.println("executors that ran tasks: " + executors);
        assertTrue(executors.size() >= 2, "tasks ran on executors " + executors + " only; expected one per worker");
        assertEmpty(out.resolve("work"), "exported minibatches are deleted when the job ends");
    }

    @Test
    void sparkSubmitOfTheUberJarTrainsAndWritesABundle() throws IOException, InterruptedException {
        Path out = Files.createDirectories(tmp.resolve("submit"));
        Path train = slice(out, "train", 10_000);
        Path test = slice(out, "t10k", 2_000);
        long start = System.nanoTime();
        // Paths are absolute: the driver resolves relative ones against its working directory.
        ScriptRun run = cluster.submit(TRAINING, List.of(
                "--master", cluster.masterUrl(),
                "--class", "io.sparktrain.cli.SparktrainCli",
                "--driver-java-options", "-Dlog4j2.configurationFile=" + PROJECT.toPath().resolve(LOG_CONFIG),
                APP_JAR.toString(),
                "train", CONFIG.toString(),
                "--set", "data.fetch=\"\"",
                "--set", "data.train.images=" + quoted(train.resolve("images").toString()),
                "--set", "data.train.labels=" + quoted(train.resolve("labels").toString()),
                "--set", "data.test.images=" + quoted(test.resolve("images").toString()),
                "--set", "data.test.labels=" + quoted(test.resolve("labels").toString()),
                "--set", "train.epochs=2",
                "--set", "train.averaging.work-dir=" + quoted(out.resolve("work").toString()),
                "--output", out.resolve("bundle").toString()));
        report("scripts/cluster submit", run, start);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("bundle written to"), "sparktrain's progress is printed:\n" + run.output());

        JsonNode manifest = manifest(out.resolve("bundle"));
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy > 0.80, "10 classes, so chance is 0.10; got " + accuracy);
        assertEquals(2_000, manifest.at("/metrics/test/examples").asInt());
        assertEquals(2, manifest.get("history").size());
        assertEmpty(out.resolve("work"), "exported minibatches are deleted when the job ends");
    }

    /** The first {@code count} images and labels of an MNIST split ("train" or "t10k"), in a folder of their own. */
    private static Path slice(Path out, String split, int count) throws IOException {
        Path dir = Files.createDirectories(out.resolve(split));
        IdxFiles.slice(TestData.mnist(split + "-images-idx3-ubyte"), dir.resolve("images").toFile(), count);
        IdxFiles.slice(TestData.mnist(split + "-labels-idx1-ubyte"), dir.resolve("labels").toFile(), count);
        return dir;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    private static JsonNode manifest(Path bundle) throws IOException {
        return new ObjectMapper().readTree(bundle.resolve("bundle.json").toFile());
    }

    private static void assertEmpty(Path dir, String message) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), message);
        }
    }

    /** The run's output and duration in the test report: the numbers worth watching on a cluster. */
    private static void report(String what, ScriptRun run, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: exit %d after %.0f s%n%s%n", what, run.exit(), seconds, run.output());
    }
}
