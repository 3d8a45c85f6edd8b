package io.sparktrain.trainer.engine;

import org.apache.spark.SparkEnv;
import org.nd4j.parameterserver.distributed.v2.transport.PortSupplier;

/**
 * Gives every JVM of a gradient-sharing job its own Aeron UDP port: the driver (the controller)
 * listens on {@code driverPort}, executor N on {@code driverPort + 1 + N}. DL4J's default static
 * port makes two executors on one host fail to bind.
 *
 * <p>A plain class rather than a record: it travels inside a Kryo-serialized broadcast, and the
 * Kryo version Spark ships cannot construct records.
 */
public final class ExecutorPortSupplier implements PortSupplier {
    private static final long serialVersionUID = 1L;
    /** Executor ids are small integers on standalone, YARN and Kubernetes; anything else hashes into this range. */
    private static final int MAX_EXECUTORS = 10_000;

    private final int driverPort;

    public ExecutorPortSupplier(int driverPort) {
        this.driverPort = driverPort;
    }

    @Override
    public int getPort() {
        SparkEnv env = SparkEnv.get();
        String executorId = env == null ? "driver" : env.executorId();
        return portFor(executorId);
    }

    /** The UDP port of the JVM with this Spark executor id ({@code driver} for the driver). */
    public int portFor(String executorId) {
        if (executorId.equals("driver")) {
            return driverPort;
        }
        int index;
        try {
            index = Integer.parseInt(executorId);
        } catch (NumberFormatException e) {
            index = Math.floorMod(executorId.hashCode(), MAX_EXECUTORS);
        }
        return driverPort + 1 + Math.floorMod(index, MAX_EXECUTORS);
    }
}
