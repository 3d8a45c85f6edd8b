package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.engine.AeronSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.agrona.SystemUtil;
import org.apache.spark.SparkConf;

/**
 * The Aeron properties gradient sharing runs with, on the driver (its JVM properties, which
 * sparktrain fills in only where unset) and on the executors (the last {@code -D} in the final
 * {@code spark.executor.extraJavaOptions}). DL4J forces {@code aeron.client.liveness.timeout} to
 * 30 s, and Aeron's media driver refuses to start unless the publication unblock timeout is longer.
 */
final class AeronSettingsCheck implements Check {
    static final String UNBLOCK = "aeron.publication.unblock.timeout";
    static final String DELETE = "aeron.dir.delete.on.shutdown";
    static final String DIR = "aeron.dir";
    /** What DL4J's AeronUdpTransport sets aeron.client.liveness.timeout to, whatever was there. */
    static final long DL4J_LIVENESS_NS = 30_000_000_000L;

    private final Properties driverProperties;
    private final SparkConf conf;

    /** @param driverProperties this JVM's system properties */
    AeronSettingsCheck(Properties driverProperties, SparkConf conf) {
        this.driverProperties = driverProperties;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "aeron settings";
    }

    @Override
    public CheckResult run() {
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        String driverUnblock = driverProperties.getProperty(UNBLOCK, AeronSettings.UNBLOCK_TIMEOUT_NS);
        Optional<String> executorUnblock = JavaOptions.property(executorOptions, UNBLOCK);
        List<String> fails = new ArrayList<>();
        if (!longerThanLiveness(driverUnblock)) {
            fails.add("the driver's " + UNBLOCK + " is " + driverUnblock);
        }
        if (executorUnblock.isEmpty() || !longerThanLiveness(executorUnblock.get())) {
            fails.add("the executors' " + UNBLOCK + " is " + executorUnblock.orElse("not set"));
        }
        if (!fails.isEmpty()) {
            return CheckResult.fail(String.join("; ", fails) + ": Aeron's media driver refuses to start unless it exceeds"
                            + " DL4J's client liveness timeout of 30 s (ConfigurationException publicationUnblockTimeoutNs)",
                    "remove -D" + UNBLOCK + " from the driver's java options and spark.executor.extraJavaOptions"
                            + " (sparktrain sets " + AeronSettings.UNBLOCK_TIMEOUT_NS + ")");
        }
        Optional<String> executorDir = JavaOptions.property(executorOptions, DIR);
        if (executorDir.isEmpty() || !executorDir.get().contains("{{EXECUTOR_ID}}")) {
            return CheckResult.fail("the executors' " + DIR + " is " + executorDir.orElse("not set")
                            + ": executors on one host would share one Aeron directory and break each other",
                    "remove -D" + DIR + " from spark.executor.extraJavaOptions (sparktrain sets one per executor)");
        }
        String driverDelete = driverProperties.getProperty(DELETE, "true");
        String executorDelete = JavaOptions.property(executorOptions, DELETE).orElse("false");
        if (!driverDelete.equals("true") || !executorDelete.equals("true")) {
            return CheckResult.warn(DELETE + " is " + driverDelete + " on the driver and " + executorDelete
                    + " on the executors: every run leaves ~8 MB behind in /dev/shm", "remove -D" + DELETE
                    + " from the java options (sparktrain sets it to true)");
        }
        return CheckResult.ok(UNBLOCK + " is " + driverUnblock + " on the driver and " + executorUnblock.get()
                + " on the executors (over DL4J's 30 s liveness timeout); one " + DIR + " per executor, deleted at exit");
    }

    /** Parsed as Aeron parses it: nanoseconds, or with a unit such as {@code 60s}. */
    private static boolean longerThanLiveness(String duration) {
        try {
            return SystemUtil.parseDuration(UNBLOCK, duration.trim()) > DL4J_LIVENESS_NS;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
