package io.sparktrain.trainer.ml;

import io.sparktrain.config.SparkSection;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** A local[2] session with the settings sparktrain's jobs use (Kryo with ND4J's registrator), as a user would build it. */
final class MlSpark {
    private MlSpark() {
    }

    static SparkSession local2() {
        return SparkSessions.start(SparkSessions.sparkConf("sparktrain-ml-test", "local[2]",
                new SparkSection("local[2]", Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "2"))));
    }
}
