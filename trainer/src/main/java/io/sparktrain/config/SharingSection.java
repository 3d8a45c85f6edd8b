package io.sparktrain.config;

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
        String controllerAddress, int port, String networkMask) {}
