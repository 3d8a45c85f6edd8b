package io.sparktrain.testing;

import io.sparktrain.config.SparkSection;
import io.sparktrain.pipeline.testing.SparkSessionFactory;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A local session with the settings sparktrain's jobs run with (Kryo with ND4J's registrator, see
 * {@link SparkSessions}), built as a user of the Spark ML estimators would build it: tests that send
 * networks or INDArrays through Spark need that registrator. No UI; one shuffle partition a thread.
 * Give it to {@code @LocalSpark(threads = ..., factory = TrainerSpark.class)}; {@link #local} is for
 * tests that need a session of their own.
 */
public final class TrainerSpark implements SparkSessionFactory {
    public static SparkSession local(int threads) {
        String master = "local[" + threads + "]";
        return SparkSessions.start(SparkSessions.sparkConf("sparktrain-test", master, new SparkSection(master,
                Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", String.valueOf(threads)))));
    }

    @Override
    public SparkSession start(int threads) {
        return local(threads);
    }
}
