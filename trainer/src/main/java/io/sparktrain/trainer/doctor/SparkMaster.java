package io.sparktrain.trainer.doctor;

import java.net.URI;
import java.util.Optional;
import org.apache.spark.SparkConf;

/** What the master URL of a conf says about where executors run. */
final class SparkMaster {
    private SparkMaster() {
    }

    static String of(SparkConf conf) {
        return conf.get("spark.master", "local[*]");
    }

    /** local, local[N], local[*]: the executors live in the driver JVM. */
    static boolean isLocal(SparkConf conf) {
        return of(conf).startsWith("local");
    }

    /** The host of a {@code spark://host:port} master; empty for yarn, k8s and local masters. */
    static Optional<String> standaloneHost(SparkConf conf) {
        String master = of(conf);
        if (!master.startsWith("spark://")) {
            return Optional.empty();
        }
        return Optional.ofNullable(URI.create(master.split(",")[0]).getHost());
    }
}
