package io.sparktrain.trainer.engine;

import io.sparktrain.config.ConfigException;
import io.sparktrain.config.ExecutorLimit;
import io.sparktrain.config.SharingSection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.parameterserver.distributed.v2.ModelParameterServer;

/**
 * What a gradient-sharing job sets up around DL4J's training master: Aeron's JVM settings, the
 * controller address and every JVM's UDP port.
 */
public final class SharingSupport {
    private SharingSupport() {
    }

    /** Aeron settings for every executor JVM, as {@code spark.executor.extraJavaOptions}. */
    public static String executorJavaOptions() {
        return AeronSettings.executorJavaOptions();
    }

    /**
     * Aeron settings for the driver JVM, which in local mode hosts the executors too. DL4J's
     * parameter server is a JVM-wide singleton that outlives a job: a second sharing job in the same
     * JVM waits forever for workers that never register, so it is refused here instead.
     */
    public static void prepareDriver(JavaSparkContext sc) {
        if (ModelParameterServer.getInstance().isInitialized()) {
            throw new IllegalStateException("gradient sharing can run once per JVM: DL4J's parameter server from an"
                    + " earlier sharing job in this JVM is still running, and a second job would hang; start a new"
                    + " JVM for it (scripts/sparktrain and spark-submit start one per job)");
        }
        AeronSettings.applyToThisJvm(sc.sc().applicationId() + "-driver");
    }

    /** The configured controller address, or the host Spark's executors already reach the driver on. */
    public static String controllerAddress(SharingSection sharing, JavaSparkContext sc) {
        if (!sharing.controllerAddress().isEmpty()) {
            return sharing.controllerAddress();
        }
        return sc.getConf().get("spark.driver.host", "127.0.0.1");
    }

    /**
     * The UDP port of each JVM, checked on the driver before training starts: against the executors
     * the Spark configuration allows (including what spark-submit set, which the job config does not
     * see) and the executors registered now.
     *
     * @throws ConfigException when {@code train.sharing.port} leaves an executor no port up to 65535
     */
    public static ExecutorPortSupplier portSupplier(SharingSection sharing, JavaSparkContext sc) {
        if (sc.isLocal()) {
            // Local mode runs every task in the driver, on the driver's port.
            return new ExecutorPortSupplier(sharing.port());
        }
        Map<String, String> conf = Arrays.stream(sc.getConf().getAll())
                .collect(Collectors.toMap(entry -> entry._1(), entry -> entry._2()));
        ExecutorLimit.of(conf).flatMap(sharing::portRangeProblem).ifPresent(problem -> {
            throw new ConfigException("the Spark configuration", List.of("train.sharing.port " + problem));
        });
        // Spark has no public list of executor ids; getExecutorIds is private[spark] in Scala, public in bytecode.
        List<String> registered = scala.collection.JavaConverters.seqAsJavaList(sc.sc().getExecutorIds());
        try {
            return ExecutorPortSupplier.forExecutors(sharing.port(), registered);
        } catch (IllegalStateException e) {
            throw new ConfigException("the Spark configuration", List.of(e.getMessage()));
        }
    }
}
