package io.sparktrain.config;

import java.util.Optional;

/**
 * Settings of dl4j-spark-parameterserver gradient sharing: workers exchange threshold-encoded
 * (sparse, quantised) updates over Aeron UDP instead of averaging whole parameter vectors.
 *
 * @param thresholdAlgorithm how the threshold of the updates sent is chosen
 * @param threshold          the initial (adaptive, target-sparsity) or constant (fixed) threshold
 * @param targetSparsity     fraction of gradient entries to send, for {@code target-sparsity} (at most 1/16)
 * @param workersPerNode     training threads per executor; -1 = one per task slot
 * @param controllerAddress  address executors reach the driver on; empty = Spark's {@code spark.driver.host}
 * @param port               UDP port of the driver; executor N uses {@code port + 1 + N} so executors on one host do not clash
 * @param networkMask        subnet (e.g. {@code 10.0.0.0/16}) whose address each executor announces; empty = loopback
 */
public record SharingSection(ThresholdAlgorithm thresholdAlgorithm, double threshold, double targetSparsity, int workersPerNode,
        String controllerAddress, int port, String networkMask) {
    /** The highest UDP port there is. */
    public static final int MAX_PORT = 65535;
    /** The lowest port {@code train.sharing.port} may be: below it are the ports only root may bind. */
    public static final int MIN_PORT = 1024;

    /** The port the executor in this slot listens on (executor N uses slot N). */
    public long executorPort(long slot) {
        return port + 1L + slot;
    }

    /**
     * Why {@code port} leaves no port at most 65535 for an executor with the limit's highest id,
     * phrased to follow the key's name; empty when every executor fits.
     */
    public Optional<String> portRangeProblem(ExecutorLimit limit) {
        long highest = executorPort(limit.highestId());
        if (highest <= MAX_PORT) {
            return Optional.empty();
        }
        long highestAllowed = MAX_PORT - 1L - limit.highestId();
        return Optional.of("is " + port + ", but executor N listens on port + 1 + N and " + limit.source()
                + " allows executor ids up to " + limit.highestId() + ", which would listen on " + highest + ", past "
                + MAX_PORT + (highestAllowed >= MIN_PORT ? "; allowed: from " + MIN_PORT + " to " + highestAllowed
                        : "; no port from " + MIN_PORT + " leaves room for that many executors: allow fewer"));
    }
}
