package io.sparktrain.trainer.score;

import io.sparktrain.config.SparkSection;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.Map;
import org.apache.spark.SparkConf;

/** The SparkConf of a job that runs a bundle (score, evaluate): sparktrain's required settings and the user's properties. */
final class BundleJobConf {
    private static final String DEFAULT_MASTER = "local[*]";

    private BundleJobConf() {
    }

    /** @param master from the command line, or null: spark-submit's, else {@value #DEFAULT_MASTER} */
    static SparkConf of(String job, String master, Map<String, String> properties) {
        return SparkSessions.sparkConf("sparktrain " + job, SparkSessions.master(master,
                new SparkSection(DEFAULT_MASTER, Map.of())), new SparkSection(DEFAULT_MASTER, properties));
    }
}
