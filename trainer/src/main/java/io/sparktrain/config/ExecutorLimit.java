package io.sparktrain.config;

import java.util.Map;
import java.util.Optional;

/**
 * The highest executor id a Spark configuration lets an application reach, and the property that
 * says so. Gradient sharing needs it: executor N listens on {@code train.sharing.port + 1 + N}.
 * Standalone numbers executors from 0, YARN and Kubernetes from 1, so N executors have ids up to N.
 * Executors that replace lost ones get new ids past that; the executor's own port check catches those.
 *
 * @param highestId highest executor id the configuration allows
 * @param source    the property and its value, for messages
 */
public record ExecutorLimit(int highestId, String source) {
    private static final String INSTANCES = "spark.executor.instances";
    private static final String DYNAMIC = "spark.dynamicAllocation.enabled";
    private static final String MAX_EXECUTORS = "spark.dynamicAllocation.maxExecutors";

    /** The limit these Spark properties set; empty when they set none (dynamic allocation without a maximum, say). */
    public static Optional<ExecutorLimit> of(Map<String, String> sparkConf) {
        String key = Boolean.parseBoolean(sparkConf.getOrDefault(DYNAMIC, "false")) ? MAX_EXECUTORS : INSTANCES;
        String value = sparkConf.get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ExecutorLimit(Integer.parseInt(value.trim()), key + " = " + value.trim()));
        } catch (NumberFormatException e) {
            // Spark itself rejects a count that is not a number, with its own message.
            return Optional.empty();
        }
    }
}
