package io.sparktrain.trainer.engine;

import io.sparktrain.config.SharingSection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.nd4j.parameterserver.distributed.v2.transport.PortSupplier;

/**
 * Gives every JVM of a gradient-sharing job its own Aeron UDP port: the driver (the controller)
 * listens on {@code driverPort}, executor N on {@code driverPort + 1 + N}. DL4J's default static
 * port makes two executors on one host fail to bind.
 *
 * <p>Standalone, YARN and Kubernetes number their executors. An executor id that is not a number
 * gets a slot from the table the driver made of the executors registered when the run started
 * ({@link #forExecutors}); the former hash of the id could give two executors one port. An
 * executor that is not in the table, or whose port would pass 65535, fails with a message instead
 * of clashing or wrapping around.
 *
 * <p>A plain class rather than a record: it travels inside a Kryo-serialized broadcast, and the
 * Kryo version Spark ships cannot construct records (nor {@code List.of} lists: hence the array).
 */
public final class ExecutorPortSupplier implements PortSupplier {
    private static final long serialVersionUID = 2L;
    private static final String DRIVER = "driver";

    private final int driverPort;
    /** Executor ids that are not numbers; the one at index i has slot {@code firstNamedSlot + i}. */
    private final String[] namedExecutors;
    private final int firstNamedSlot;

    /** For numbered executors only, e.g. on the executors the doctor probes. */
    public ExecutorPortSupplier(int driverPort) {
        this(driverPort, new String[0], 0);
    }

    private ExecutorPortSupplier(int driverPort, String[] namedExecutors, int firstNamedSlot) {
        this.driverPort = driverPort;
        this.namedExecutors = namedExecutors;
        this.firstNamedSlot = firstNamedSlot;
    }

    /**
     * The ports of the executors registered with the driver now, each checked to be at most 65535.
     * Ids that are not numbers take the slots after the highest numbered one, in sorted order.
     *
     * @throws IllegalStateException naming {@code train.sharing.port} when a port would pass 65535
     */
    public static ExecutorPortSupplier forExecutors(int driverPort, Collection<String> executorIds) {
        List<String> named = new ArrayList<>();
        int firstNamedSlot = 0;
        for (String id : executorIds) {
            if (isNumber(id)) {
                firstNamedSlot = Math.max(firstNamedSlot, Integer.parseInt(id) + 1);
            } else if (!id.equals(DRIVER)) {
                named.add(id);
            }
        }
        named.sort(null);
        ExecutorPortSupplier ports = new ExecutorPortSupplier(driverPort, named.toArray(String[]::new), firstNamedSlot);
        executorIds.forEach(ports::portFor);
        return ports;
    }

    @Override
    public int getPort() {
        SparkEnv env = SparkEnv.get();
        return portFor(env == null ? DRIVER : env.executorId());
    }

    /** The UDP port of the JVM with this Spark executor id ({@code driver} for the driver). */
    public int portFor(String executorId) {
        if (executorId.equals(DRIVER)) {
            return driverPort;
        }
        long port = driverPort + 1L + slot(executorId);
        if (port > SharingSection.MAX_PORT) {
            throw new IllegalStateException("train.sharing.port is " + driverPort + ", and executor " + executorId
                    + " would listen on " + port + " (port + 1 + its number), past " + SharingSection.MAX_PORT
                    + ": set train.sharing.port to at most " + (SharingSection.MAX_PORT - (port - driverPort)));
        }
        return (int) port;
    }

    private long slot(String executorId) {
        if (isNumber(executorId)) {
            return Long.parseLong(executorId);
        }
        for (int i = 0; i < namedExecutors.length; i++) {
            if (namedExecutors[i].equals(executorId)) {
                return firstNamedSlot + (long) i;
            }
        }
        throw new IllegalStateException("executor '" + executorId + "' has no gradient-sharing port: its id is not a"
                + " number and it was not registered with the driver when training started, so a port of its own"
                + " could not be reserved for it; start training once every executor has registered (or turn off"
                + " spark.dynamicAllocation for sharing)");
    }

    private static boolean isNumber(String id) {
        return !id.isEmpty() && id.length() <= 9 && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
