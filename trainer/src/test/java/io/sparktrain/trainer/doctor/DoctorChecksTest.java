package io.sparktrain.trainer.doctor;

import static io.sparktrain.trainer.doctor.DoctorFixtures.assertRow;
import static io.sparktrain.trainer.doctor.DoctorFixtures.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.io.File;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The driver-side checks on the shipped MNIST job, each problem provoked on purpose through the
 * config as a user would make it; no Spark is started. Each failing check must name the bad value
 * and give the fix.
 */
class DoctorChecksTest {
    /** A dense 784-8192-8192-10 network with Adam: 73.6 M parameters, 1.1 GiB of parameters and Adam state. */
    private static final String LARGE_NETWORK = "model.layers=[{type=dense, units=8192, activation=relu},"
            + " {type=dense, units=8192, activation=relu}, {type=output, units=10, activation=softmax, loss=cross-entropy}]";

    @TempDir
    Path dir;

    private static DoctorReport check(TrainJobConfig config, String master) {
        return check(config, master, false);
    }

    private static DoctorReport check(TrainJobConfig config, String master, boolean overwrite) {
        SparkConf conf = SparkSessions.forTrainJob(config, master);
        return new Doctor(new DoctorChecks(config, conf, overwrite, false).driverSide()).run();
    }

    @Test
    void shippedJobPassesEveryDriverCheck() {
        DoctorReport report = check(config(dir), "local[2]");
        assertEquals(report.rows().size(), report.count(Status.OK), ReportTable.render(report));
        assertEquals(List.of("java", "module opens", "native backend", "native threads", "omp wait policy",
                "memory overhead", "javacpp limit", "kryo serializer", "kryo buffer", "train data", "test data",
                "output bundle", "output writable", "work dir writable", "allreduce ports"),
                report.rows().stream().map(DoctorReport.Row::check).toList());
        assertRow(report, "train data", Status.OK, "60,000 examples of 28x28", "");
        assertRow(report, "allreduce ports", Status.OK, "the driver's allreduce rendezvous listens on 127.0.0.1:", "");
    }

    static Stream<Arguments> badRegistrators() {
        return Stream.of(
                Arguments.of("\"\"", "spark.kryo.registrator is empty and an INDArray does not survive Kryo"),
                Arguments.of("org.nd4j.Nd4jRegistrator", "in 1.0.0-M2 the class is org.nd4j.kryo.Nd4jRegistrator"),
                Arguments.of("com.example.NoSuchRegistrator", "ClassNotFoundException: com.example.NoSuchRegistrator"));
    }

    @ParameterizedTest
    @MethodSource("badRegistrators")
    void kryoWithoutNd4jsRegistratorFails(String registrator, String inMessage) {
        DoctorReport report = check(config(dir, "spark.conf.\"spark.kryo.registrator\"=" + registrator), "local[2]");
        assertRow(report, "kryo serializer", Status.FAIL, inMessage, "set it to org.nd4j.kryo.Nd4jRegistrator");
    }

    @Test
    void javaSerializerWarnsThatKryoIsFaster() {
        DoctorReport report = check(config(dir,
                "spark.conf.\"spark.serializer\"=org.apache.spark.serializer.JavaSerializer"), "local[2]");
        assertRow(report, "kryo serializer", Status.WARN, "spark.serializer is org.apache.spark.serializer.JavaSerializer",
                "set it to org.apache.spark.serializer.KryoSerializer");
    }

    @Test
    void largeNetworkOutgrowsTheDefaultMemoryOverheadAndKryoBufferOfClusterExecutors() {
        DoctorReport report = check(config(dir, LARGE_NETWORK, "spark.conf.\"spark.executor.memoryOverhead\"=384m",
                "spark.conf.\"spark.executor.memory\"=8g"), "spark://127.0.0.1:7077");
        CheckResult overhead = assertRow(report, "memory overhead", Status.FAIL,
                "spark.executor.memoryOverhead is 384 MiB: executors will be killed", "spark.executor.memoryOverhead\" = ");
        assertTrue(overhead.message().contains("1 task(s) x (parameters 281 MiB + gradients 281 MiB + adam state 562 MiB"),
                overhead.message());
        // 4 bytes x (1 task x (2 x 73,629,706 + 147,259,412 Adam + 2 x 128 x 16,394 activations + 128 x 794 x 3
        // minibatches) + 220,889,118 broadcast) = 1983 MiB, plus 384 MiB for the JVM itself.
        assertTrue(overhead.fix().contains("= 2368m"), overhead.fix());
        assertRow(report, "kryo buffer", Status.FAIL, "(parameters and adam state, 843 MiB) must fit"
                + " spark.kryoserializer.buffer.max = 512 MiB", "spark.kryoserializer.buffer.max\" = 928m");
        assertRow(report, "javacpp limit", Status.OK, "JavaCPP allows 8.0 GiB", "");
    }

    @Test
    void largeNetworkInLocalModeOnlyWarnsAboutAnOverheadMeantForAClusterAndChecksThisJvm() {
        DoctorReport report = check(config(dir, LARGE_NETWORK, "spark.conf.\"spark.executor.memoryOverhead\"=384m"),
                "local[2]");
        assertRow(report, "memory overhead", Status.WARN, "harmless in local mode", "spark.executor.memoryOverhead");
        assertRow(report, "javacpp limit", Status.OK, "in this JVM (local mode)", "");
    }

    @Test
    void executorHeapBelowTheOffHeapNeedFailsJavaCppsLimit() {
        DoctorReport report = check(config(dir, LARGE_NETWORK, "spark.conf.\"spark.executor.memoryOverhead\"=4g"),
                "spark://127.0.0.1:7077");
        assertRow(report, "memory overhead", Status.OK, "spark.executor.memoryOverhead is 4.0 GiB", "");
        assertRow(report, "javacpp limit", Status.FAIL, "but JavaCPP allows 1.0 GiB (org.bytedeco.javacpp.maxbytes",
                "-Dorg.bytedeco.javacpp.maxbytes=");
    }

    @Test
    void moreNativeThreadsThanCoresWarns() {
        int cores = Runtime.getRuntime().availableProcessors();
        DoctorReport report = check(config(dir, "train.threads-per-task=" + 4 * cores), "local[2]");
        assertRow(report, "native threads", Status.WARN, "2 task(s) x " + 4 * cores + " native thread(s) = "
                + 8 * cores + " on " + cores + " core(s)", "set train.threads-per-task = " + Math.max(1, cores / 2));
    }

    @Test
    void moreLocalTasksThanCoresWarns() {
        int cores = Runtime.getRuntime().availableProcessors();
        DoctorReport report = check(config(dir), "local[" + 2 * cores + "]");
        assertRow(report, "native threads", Status.WARN, 2 * cores + " task(s) x 1 native thread(s)",
                "--master local[" + cores + "]");
    }

    @Test
    void spinningOmpWaitPolicyForClusterExecutorsWarns() {
        // sparktrain sets PASSIVE for executors by default; a user's ACTIVE overrides it.
        DoctorReport report = check(config(dir, "spark.conf.\"spark.executorEnv.OMP_WAIT_POLICY\"=ACTIVE"),
                "spark://127.0.0.1:7077");
        assertRow(report, "omp wait policy", Status.WARN, "OMP_WAIT_POLICY is 'ACTIVE' for the executors",
                "spark.executorEnv.OMP_WAIT_POLICY\" = PASSIVE");
    }

    @Test
    void outputWhereNobodyMayWriteFails() {
        // sysfs refuses new files to everyone, root included, so this holds whoever runs the tests.
        DoctorReport report = check(config(dir, "output.bundle=\"/sys/sparktrain-doctor-test/bundle\""), "local[2]");
        assertRow(report, "output writable", Status.FAIL, "cannot create a file in file:/sys (the nearest existing"
                + " folder of /sys/sparktrain-doctor-test/bundle)", "set output.bundle (or --output URI) to a location");
    }

    @Test
    void outputBelowAFileFails() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        DoctorReport report = check(config(dir, "output.bundle=\"" + file.resolve("bundle") + "\""), "local[2]");
        assertRow(report, "output writable", Status.FAIL, "is a file, so " + file.resolve("bundle")
                + " cannot be created below it", "set output.bundle");
    }

    @Test
    void completeBundleFailsUnlessOverwriting() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("bundle.json"), "{}");
        assertRow(check(config(dir), "local[2]"), "output bundle", Status.FAIL, "model bundle " + bundle
                + " already exists", "pass --overwrite to replace it");
        assertRow(check(config(dir), "local[2]", true), "output bundle", Status.OK,
                "holds a bundle that --overwrite replaces", "");
    }

    @Test
    void missingInputFileFailsNamingTheFileAndTheKeys() {
        Path missing = dir.resolve("t10k-labels-idx1-ubyte");
        DoctorReport report = check(config(dir, "data.test.labels=\"" + missing + "\""), "local[2]");
        assertRow(report, "test data", Status.FAIL, "IDX file " + missing + " does not exist",
                "fix data.test.images and data.test.labels");
        assertRow(report, "train data", Status.OK, "60,000 examples", "");
    }

    @Test
    void missingDatasetThatTrainFetchesOnlyWarns() {
        Path empty = dir.resolve("empty-data-root");
        DoctorReport report = check(config(dir, "data.fetch=mnist", "data.root=\"" + empty + "\""), "local[2]");
        assertRow(report, "train data", Status.WARN, "files of dataset 'mnist' are missing under " + empty,
                "scripts/fetch-data --dir " + empty + " mnist");
    }

    @Test
    void occupiedAeronPortFails() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(0))) {
            int port = taken.getLocalPort();
            DoctorReport report = check(config(dir, "train.strategy=sharing", "train.sharing.port=" + port), "local[2]");
            assertRow(report, "aeron port", Status.FAIL, "UDP port " + port + " (train.sharing.port, the driver's Aeron"
                    + " port) is in use", "set train.sharing.port to a free port");
        }
    }

    @Test
    void sharingOnOneMachinePassesItsNetworkChecks() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(0))) {
            port = probe.getLocalPort();
        }
        DoctorReport report = check(config(dir, "train.strategy=sharing", "train.sharing.port=" + port), "local[2]");
        assertRow(report, "aeron port", Status.OK, "UDP port " + port + " is free", "");
        assertRow(report, "controller address", Status.OK, "is an address of this machine", "");
        assertRow(report, "shared memory", Status.OK, "Aeron needs ~200 MiB", "");
        assertRow(report, "aeron settings", Status.OK, "aeron.publication.unblock.timeout is 60000000000 on the driver", "");
        assertFalse(report.rows().stream().anyMatch(row -> row.check().equals("kryo buffer")),
                "sharing sends no whole parameter vectors as task results");
    }

    @Test
    void allreduceRendezvousOnAnAddressOfAnotherMachineFails() {
        // 203.0.113.0/24 is reserved for documentation: never an address of this machine.
        DoctorReport report = check(config(dir, "spark.conf.\"spark.driver.host\"=\"203.0.113.7\""), "local[2]");
        assertRow(report, "allreduce ports", Status.FAIL, "the driver's allreduce rendezvous on 203.0.113.7 (bound to"
                + " 203.0.113.7)", "set spark.driver.host to an address of this machine that the executors reach");
    }

    @Test
    void controllerAddressOfAnotherMachineFails() {
        // 203.0.113.0/24 is reserved for documentation: never an address of this machine, and no DNS involved.
        DoctorReport report = check(config(dir, "train.strategy=sharing",
                "train.sharing.controller-address=\"203.0.113.7\""), "local[2]");
        assertRow(report, "controller address", Status.FAIL, "controller address 203.0.113.7"
                + " (train.sharing.controller-address, 203.0.113.7) is not an address of this machine",
                "set train.sharing.controller-address");
    }

    @Test
    void loopbackControllerForExecutorsOnOtherHostsFails() {
        DoctorReport report = check(config(dir, "train.strategy=sharing",
                "train.sharing.controller-address=\"127.0.0.1\""), "spark://10.0.0.1:7077");
        assertRow(report, "controller address", Status.FAIL, "is a loopback address, which executors on other hosts"
                + " cannot reach", "train.sharing.network-mask");
    }

    @Test
    void aeronUnblockTimeoutNotAboveDl4jsLivenessTimeoutFails() {
        SparkConf conf = SparkSessions.forTrainJob(config(dir, "train.strategy=sharing"), "local[2]");
        Properties driver = new Properties();
        driver.setProperty("aeron.publication.unblock.timeout", "15s");
        CheckResult result = new AeronSettingsCheck(driver, conf).run();
        assertEquals(Status.FAIL, result.status(), result.toString());
        assertTrue(result.message().contains("the driver's aeron.publication.unblock.timeout is 15s"), result.message());
        assertTrue(result.fix().contains("remove -Daeron.publication.unblock.timeout"), result.fix());
    }

    @Test
    void sharedMemoryTooSmallForAeronFails() {
        File shm = dir.toFile();
        CheckResult result = new SharedMemoryCheck(shm, 1_000_000).run();
        assertEquals(Status.FAIL, result.status(), result.toString());
        assertTrue(result.message().contains(shm + " has "), result.message());
        assertTrue(result.fix().contains("--shm-size"), result.fix());
    }

    @Test
    void s3aOutputWithoutSecretKeyFailsAndNeverPrintsTheKey() {
        String accessKey = "AKIADOCTORTESTKEY123";
        DoctorReport report = check(config(dir, "output.bundle=\"s3a://models-bucket/mnist\"",
                "spark.conf.\"spark.hadoop.fs.s3a.access.key\"=" + accessKey), "local[2]");
        assertRow(report, "s3a credentials", Status.FAIL, "bucket models-bucket: fs.s3a.access.key is set but"
                + " fs.s3a.secret.key is not", "spark.hadoop.fs.s3a.secret.key");
        // hadoop-aws is on sparktrain's local classpath (provided scope), as scripts/sparktrain runs it.
        assertRow(report, "s3a filesystem", Status.OK, "S3AFileSystem is on the classpath for s3a://models-bucket/mnist",
                "");
        assertFalse(ReportTable.render(report).contains(accessKey), ReportTable.render(report));
    }
}
