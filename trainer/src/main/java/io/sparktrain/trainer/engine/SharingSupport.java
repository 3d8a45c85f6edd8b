package io.sparktrain.trainer.engine;

import io.sparktrain.config.SharingSection;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.parameterserver.distributed.v2.ModelParameterServer;

/** What a gradient-sharing job sets up around DL4J's training master: Aeron's JVM settings and the controller address. */
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
}
