package io.sparktrain.trainer.job;

import io.sparktrain.config.SharingSection;
import io.sparktrain.trainer.engine.AeronSettings;
import org.apache.spark.api.java.JavaSparkContext;

/** What a gradient-sharing job sets up around DL4J's training master: Aeron's JVM settings and the controller address. */
final class SharingSupport {
    private SharingSupport() {
    }

    /** Aeron settings for every executor JVM, as {@code spark.executor.extraJavaOptions}. */
    static String executorJavaOptions() {
        return AeronSettings.executorJavaOptions();
    }

    /** Aeron settings for the driver JVM, which in local mode hosts the executors too. */
    static void prepareDriver(JavaSparkContext sc) {
        AeronSettings.applyToThisJvm(sc.sc().applicationId() + "-driver");
    }

    /** The configured controller address, or the host Spark's executors already reach the driver on. */
    static String controllerAddress(SharingSection sharing, JavaSparkContext sc) {
        if (!sharing.controllerAddress().isEmpty()) {
            return sharing.controllerAddress();
        }
        return sc.getConf().get("spark.driver.host", "127.0.0.1");
    }
}
