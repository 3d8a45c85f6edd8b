package io.sparktrain.trainer.engine;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JVM properties Aeron (the transport of gradient sharing) needs on the driver and on every
 * executor, so users never have to know about them:
 * <ul>
 *   <li>{@code aeron.publication.unblock.timeout}: Aeron 1.32's default is shorter than its client
 *       liveness timeout and the media driver refuses to start;</li>
 *   <li>{@code aeron.dir}: one directory per JVM, or two executors on a host fight over one;</li>
 *   <li>{@code aeron.dir.delete.on.shutdown}: otherwise each run leaves 8 MB in /dev/shm.</li>
 * </ul>
 */
public final class AeronSettings {
    public static final String UNBLOCK_TIMEOUT_NS = "60000000000";

    private AeronSettings() {
    }

    /** Properties for one JVM; {@code jvmName} makes its Aeron directory unique. */
    public static Map<String, String> jvmProperties(String jvmName) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aeron.publication.unblock.timeout", UNBLOCK_TIMEOUT_NS);
        properties.put("aeron.dir.delete.on.shutdown", "true");
        properties.put("aeron.dir", new File(sharedMemoryDir(), "aeron-sparktrain-" + jvmName).getPath());
        return properties;
    }

    /**
     * The executors' properties as {@code -D} options; Spark replaces {@code {{APP_ID}}} and
     * {@code {{EXECUTOR_ID}}} in {@code spark.executor.extraJavaOptions} on each executor.
     */
    public static String executorJavaOptions() {
        StringBuilder options = new StringBuilder();
        jvmProperties("{{APP_ID}}-{{EXECUTOR_ID}}").forEach((key, value) ->
                options.append(options.isEmpty() ? "" : " ").append("-D").append(key).append('=').append(value));
        return options.toString();
    }

    /** Sets the properties in this JVM (the driver, and the executors too in local mode) unless already set. */
    public static void applyToThisJvm(String jvmName) {
        jvmProperties(jvmName).forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** Aeron's own default location: /dev/shm where it exists (Linux), else the temp folder. */
    public static File sharedMemoryDir() {
        File shm = new File("/dev/shm");
        return shm.isDirectory() ? shm : new File(System.getProperty("java.io.tmpdir"));
    }
}
