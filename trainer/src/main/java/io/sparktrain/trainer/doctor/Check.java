package io.sparktrain.trainer.doctor;

/**
 * One thing that makes DL4J on Spark fail or crawl although the model is fine, checked in
 * seconds instead of discovered hours into a job.
 */
public interface Check {
    /** Short name for the table, e.g. {@code kryo serializer}. */
    String name();

    CheckResult run();

    /** Whether Spark can only start in this JVM when this check passes (Java version, module opens). */
    default boolean sparkNeedsIt() {
        return false;
    }

    /** Whether this check runs Spark jobs; it is skipped when a check Spark needs has failed. */
    default boolean usesSpark() {
        return false;
    }
}
