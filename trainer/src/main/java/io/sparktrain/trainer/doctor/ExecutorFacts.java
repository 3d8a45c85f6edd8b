package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.engine.AeronSettings;
import io.sparktrain.trainer.engine.ExecutorPortSupplier;
import io.sparktrain.trainer.engine.NativeThreads;
import java.io.Serializable;
import java.util.Properties;
import org.apache.spark.SparkEnv;
import org.apache.spark.util.Utils;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What one Spark task finds out about the executor JVM it runs in: the cluster side of the
 * checks, which the driver cannot see. A plain class, not a record: task results travel through
 * Kryo, which cannot build records.
 */
final class ExecutorFacts implements Serializable {
    private static final long serialVersionUID = 1L;

    final String executorId;
    final String host;
    final int cores;
    final String javaVersion;
    final int javaFeature;
    /** Packages lacking their --add-opens, comma-separated; empty when all are there. */
    final String missingOpens;
    /** E.g. {@code CPU/OPENBLAS}; null when ND4J did not load. */
    final String backend;
    final String backendError;
    /** Native threads after capping them as training will; -1 when ND4J did not load. */
    final int nativeThreads;
    final long sharedMemoryFree;
    /** This executor's Aeron port, 0 when not checked (no sharing, or the driver, which checks its own). */
    final int aeronPort;
    /** Why the Aeron port cannot be bound (or, with port 0, why there is none); null when it can or was not checked. */
    final String aeronPortProblem;

    private ExecutorFacts(String executorId, String host, String backend, String backendError, int nativeThreads,
            int aeronPort, String aeronPortProblem) {
        this.executorId = executorId;
        this.host = host;
        this.cores = Runtime.getRuntime().availableProcessors();
        this.javaVersion = Runtime.version().toString();
        this.javaFeature = Runtime.version().feature();
        this.missingOpens = String.join(", ", ModuleOpens.missing());
        this.backend = backend;
        this.backendError = backendError;
        this.nativeThreads = nativeThreads;
        this.sharedMemoryFree = AeronSettings.sharedMemoryDir().getUsableSpace();
        this.aeronPort = aeronPort;
        this.aeronPortProblem = aeronPortProblem;
    }

    /**
     * Runs on an executor.
     *
     * @param threadsPerTask native threads each task will get; the probe caps them as training does
     * @param sharingPort    train.sharing.port for gradient sharing, 0 otherwise
     */
    static ExecutorFacts collect(int threadsPerTask, int sharingPort) {
        SparkEnv env = SparkEnv.get();
        String executorId = env == null ? "driver" : env.executorId();
        String backend = null;
        String backendError = null;
        int threads = -1;
        try {
            // First: it chooses the native build before ND4J loads in this JVM.
            NativeThreads.limitTo(threadsPerTask);
            threads = NativeThreads.current();
            Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
            backend = environment.get("backend") + "/" + environment.get("blas.vendor") + " "
                    + NativeBackendCheck.loadedBuild();
        } catch (RuntimeException | LinkageError e) {
            backendError = e.toString();
        }
        int port = 0;
        String portProblem = null;
        if (sharingPort > 0 && !executorId.equals("driver")) {
            try {
                port = new ExecutorPortSupplier(sharingPort).portFor(executorId);
                portProblem = AeronPortCheck.bindProblem(port).orElse(null);
            } catch (IllegalStateException e) {
                portProblem = e.getMessage();
            }
        }
        return new ExecutorFacts(executorId, Utils.localHostName(), backend, backendError, threads, port, portProblem);
    }

    String who() {
        return "executor " + executorId + " on " + host;
    }
}
