package io.sparktrain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.pipeline.testing.IdxFiles;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.testing.Launched;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * sparktrain on a real Spark standalone cluster: a master and two one-core workers as separate JVMs
 * on 127.0.0.1 ({@code scripts/cluster}). Unlike local[N], executors here load the job from the
 * shipped uber jar and send parameters over the network, and the driver is a different JVM: the
 * two ways a user trains on a cluster, {@code scripts/sparktrain --master spark://...} and
 * {@code spark-submit} of the uber jar, are each run end to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Duration TRAINING = Duration.ofMinutes(8);
    private static final File PROJECT = TestData.projectDir();
    private static final Path APP_JAR =
            PROJECT.toPath().resolve("trainer/target/sparktrain-trainer-0.1.0-SNAPSHOT-all.jar");
    private static final Path CONFIG = PROJECT.toPath().resolve("conf/mnist-mlp.conf");
    private static final String LOG_CONFIG = "conf/log4j2.properties";
    private static final Map<String, String> DRIVER_MEMORY = Map.of("SPARKTRAIN_DRIVER_MEMORY", "2g");

    @TempDir
    static Path tmp;
    private static final Path CLUSTER_DIR = PROJECT.toPath().resolve("trainer/target/cluster-it");
    private static LocalCluster cluster;
    /**
     * Epochs of the averaging runs. At 4, with the shipped averaging frequency of 40, the undisturbed
     * run measured 0.9709-0.9738 in six runs: too close to its 0.97 bar.
     */
    private static final int AVERAGING_EPOCHS = 5;
    private static final int SHARING_EPOCHS = 10;
    /**
     * Epochs of the allreduce runs: the shipped config as it is (dropout 0.2, Adam 0.002 decayed x0.8
     * per epoch). On local[2] it measured 0.98 after 5 epochs and 0.9835 after 12.
     */
    private static final int ALLREDUCE_EPOCHS = 12;
    /** Test accuracy of the undisturbed averaging run, the yardstick of the fault-tolerance test. */
    private static Double undisturbedAccuracy;
    /** Test accuracy of the undisturbed allreduce run, the yardstick of its fault-tolerance test. */
    private static Double undisturbedAllreduceAccuracy;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        cluster = new LocalCluster(CLUSTER_DIR);
        cluster.start(2, 1, "3g");
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        if (cluster != null) {
            cluster.stop();
        }
    }

    /** {@code scripts/sparktrain train conf/mnist-mlp.conf} on full MNIST against the cluster, event logs on. */
    private static List<String> fullMnistOnCluster(Path out, int epochs, String... extra) throws IOException {
        // The shipped dropout pays off over 12 epochs; these runs measure dl4j-spark's strategies in 5-10, at the
        // constant rate their bars were measured with (the shipped rate and decay suit allreduce's 2 x 128).
        return shippedMlpOnCluster(out, epochs, concat(List.of("--set", "model.dropout=0",
                "--set", "train.strategy=averaging", "--set", "model.optimizer.learning-rate=0.001",
                "--set", "model.optimizer.schedule.decay=1"), extra));
    }

    /** As {@link #fullMnistOnCluster} with the shipped network, dropout included. */
    private static List<String> shippedMlpOnCluster(Path out, int epochs, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(
                "train", "conf/mnist-mlp.conf", "--master", cluster.masterUrl(),
                "--set", "train.epochs=" + epochs,
                "--set", "data.root=" + quoted(TestData.dataRoot().toString()),
                "--set", "train.averaging.work-dir=" + quoted(out.resolve("work").toString()),
                "--set", "spark.conf.\"spark.eventLog.enabled\"=true",
                "--set", "spark.conf.\"spark.eventLog.dir\"=" + quoted(
                        Files.createDirectories(out.resolve("events")).toUri().toString()),
                "--output", out.resolve("bundle").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    /** SIGKILL to one executor JVM of the cluster; the job must still end with exit 0. */
    private static void killOneExecutorAndAwaitSuccess(Launched job) throws IOException, InterruptedException {
        long victim = Executors.pids(CLUSTER_DIR).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no executor JVM found to kill; output:\n" + job.output()));
        ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
        System.out.println("killed executor JVM " + victim);
        int exit = job.awaitExit((int) TRAINING.toMinutes());
        assertEquals(0, exit, job.output());
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    /** Checks a full-MNIST cluster run: exit 0, accuracy, history, tasks on both executors, no files left. */
    private static double assertTrainedOnBothExecutors(Path out, ScriptRun run, int epochs, double bar)
            throws IOException {
        assertEquals(0, run.exit(), run.output());
        JsonNode manifest = manifest(out.resolve("bundle"));
        double accuracy = manifest.at("/metrics/test/accuracy").asDouble();
        assertTrue(accuracy >= bar, epochs + " epochs of full MNIST should reach " + bar + " test accuracy; got " + accuracy);
        assertEquals(epochs, manifest.get("history").size());
        Set<String> executors = EventLogs.executorsThatRanTasks(out.resolve("events"));
        System.out.println("executors that ran tasks: " + executors);
        assertTrue(executors.size() >= 2, "tasks ran on executors " + executors + " only; expected one per worker");
        assertEmpty(out.resolve("work"), "exported minibatches are deleted when the job ends");
        return accuracy;
    }

    @Test
    @Order(0)
    void doctorFindsTheClusterSetupHealthyInUnder30Seconds() throws IOException, InterruptedException {
        long start = System.nanoTime();
        ScriptRun run = ScriptRun.run(Duration.ofMinutes(2), "sparktrain", "doctor", "conf/mnist-mlp.conf",
                "--master", cluster.masterUrl(), "--set", "data.root=" + quoted(TestData.dataRoot().toString()),
                "--set", "train.averaging.work-dir=" + quoted(tmp.resolve("doctor-work").toString()),
                "--output", tmp.resolve("doctor-bundle").toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        report("scripts/sparktrain doctor --master " + cluster.masterUrl(), run, start);
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("16 OK, 0 WARN, 0 FAIL"), run.output());
        // Both tasks of the probe job may land on one executor if the other registers late: any executor will do.
        assertTrue(run.output().matches("(?s).*task\\(s\\) ran on [12] executor\\(s\\).*"),
                "the probe job ran on the executors:\n" + run.output());
        assertTrue(seconds < 30, "doctor took " + seconds + " s");
    }

    @Test
    @Order(1)
    void launcherTrainsFullMnistTo97PercentWithTasksOnBothExecutors() throws IOException, InterruptedException {
        TestData.mnist("train-images-idx3-ubyte");
        Path out = Files.createDirectories(tmp.resolve("launcher"));
        long start = System.nanoTime();
        ScriptRun run = ScriptRun.run(TRAINING, DRIVER_MEMORY, "sparktrain", fullMnistOnCluster(out, AVERAGING_EPOCHS));
        report("scripts/sparktrain --master " + cluster.masterUrl(), run, start);
        undisturbedAccuracy = assertTrainedOnBothExecutors(out, run, AVERAGING_EPOCHS, 0.97);
    }

    /**
     * Gradient sharing across two executor JVMs and the driver over Aeron UDP. Each worker applies
     * the other's updates as well as its own, so the learning rate is halved for two workers.
     *
     * <p>Each epoch starts with both replicas reset to the driver's network ({@code ReplicaSync}):
     * DL4J drops the updates a worker receives between its epochs, and a replica drifted 0.9-9.7%
     * (of the parameters' norm) from the driver's network per epoch. Measured on this cluster, 8
     * epochs: 0.9739 to 0.9777 in eight runs with the sync, 0.9570 to 0.9723 in three without
     * (README "Training strategies"). With the oneDNN AVX-512 build a CI run ended 8 epochs at
     * 0.9677 (a run here: 0.9760): sharing is asynchronous and faster compute leaves its updates
     * staler, so the test trains 10 epochs and asks for 0.965, below every run measured.
     */
    @Test
    @Order(2)
    void gradientSharingTrainsFullMnistTo96AndAHalfPercentWithTasksOnBothExecutors() throws IOException, InterruptedException {
        Path out = Files.createDirectories(tmp.resolve("sharing"));
        long start = System.nanoTime();
        ScriptRun run = ScriptRun.run(TRAINING, DRIVER_MEMORY, "sparktrain", fullMnistOnCluster(out, SHARING_EPOCHS,
                "--set", "train.strategy=sharing", "--set", "model.optimizer.learning-rate=0.0005"));
        report("scripts/sparktrain sharing --master " + cluster.masterUrl(), run, start);
        assertTrue(run.output().contains("strategy sharing"), run.output());
        assertTrue(run.output().contains("executor replicas had drifted"),
                "replicas are reset to the driver's network at each epoch's start:\n" + run.output());
        assertTrainedOnBothExecutors(out, run, SHARING_EPOCHS, 0.965);
    }

    /**
     * An executor JVM killed with SIGKILL in the middle of epoch 2: Spark re-runs its tasks on the
     * other executor (and the worker starts a new one), and training ends as an undisturbed run does.
     */
    @Test
    @Order(3)
    void executorKilledMidEpochDoesNotStopTraining() throws IOException, InterruptedException {
        assertTrue(undisturbedAccuracy != null, "needs the undisturbed run of the first test as its yardstick");
        Path out = Files.createDirectories(tmp.resolve("fault"));
        Launched job = Launched.start(DRIVER_MEMORY, fullMnistOnCluster(out, AVERAGING_EPOCHS).toArray(String[]::new));
        job.awaitLine(line -> line.contains("epoch 1/" + AVERAGING_EPOCHS), (int) TRAINING.toSeconds());
        Thread.sleep(3000);
        killOneExecutorAndAwaitSuccess(job);
        double accuracy = manifest(out.resolve("bundle")).at("/metrics/test/accuracy").asDouble();
        assertTrue(Math.abs(accuracy - undisturbedAccuracy) <= 0.005,
                "with an executor killed: " + accuracy + ", undisturbed: " + undisturbedAccuracy);
        assertEmpty(out.resolve("work"), "exported minibatches are deleted when the job ends");
    }

    /**
     * {@code allreduce} with the shipped MLP: one barrier task per executor each epoch, the gradient
     * averaged over a TCP ring between the two executor JVMs in every step.
     */
    @Test
    @Order(5)
    void allreduceTrainsTheShippedMlpTo98PercentWithTasksOnBothExecutors() throws IOException, InterruptedException {
        Path out = Files.createDirectories(tmp.resolve("allreduce"));
        long start = System.nanoTime();
        ScriptRun run = ScriptRun.run(TRAINING, DRIVER_MEMORY, "sparktrain", shippedMlpOnCluster(out, ALLREDUCE_EPOCHS,
                "--set", "train.strategy=allreduce"));
        report("scripts/sparktrain allreduce --master " + cluster.masterUrl(), run, start);
        assertTrue(run.output().contains("allreduce: 2 workers x 235 steps"), "two workers of 128 each:\n" + run.output());
        undisturbedAllreduceAccuracy = assertTrainedOnBothExecutors(out, run, ALLREDUCE_EPOCHS, 0.98);
    }

    /**
     * An executor JVM killed with SIGKILL in the middle of an allreduce epoch: its barrier task and
     * its ring neighbour fail, Spark runs the epoch's barrier stage again once the worker has started
     * a new executor, and every worker restarts the epoch from the driver's network.
     */
    @Test
    @Order(6)
    void executorKilledMidEpochReRunsTheAllreduceEpochAndEndsAsAnUndisturbedRun() throws IOException,
            InterruptedException {
        assertTrue(undisturbedAllreduceAccuracy != null, "needs the undisturbed allreduce run as its yardstick");
        Path out = Files.createDirectories(tmp.resolve("allreduce-fault"));
        Launched job = Launched.start(DRIVER_MEMORY, shippedMlpOnCluster(out, ALLREDUCE_EPOCHS,
                "--set", "train.strategy=allreduce").toArray(String[]::new));
        job.awaitLine(line -> line.contains("epoch 2/" + ALLREDUCE_EPOCHS), (int) TRAINING.toSeconds());
        Thread.sleep(1000);
        killOneExecutorAndAwaitSuccess(job);
        assertTrue(job.output().contains("ran the epoch's barrier stage again"),
                "the rerun is reported:\n" + job.output());
        double accuracy = manifest(out.resolve("bundle")).at("/metrics/test/accuracy").asDouble();
        assertTrue(Math.abs(accuracy - undisturbedAllreduceAccuracy) <= 0.005,
                "with an executor killed: " + accuracy + ", undisturbed: " + undisturbedAllreduceAccuracy);
        assertEmpty(out.resolve("work"), "exported minibatches are deleted when the job ends");
    }

    @Test
    @Order(4)
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
