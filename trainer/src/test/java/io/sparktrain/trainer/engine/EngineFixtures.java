package io.sparktrain.trainer.engine;

import io.sparktrain.config.SparkSection;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.Specs;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** What the engine tests train: a tiny network and a local Spark without its UI. */
final class EngineFixtures {
    private EngineFixtures() {
    }

    /** 4 inputs, a dense layer of 8 with {@code activation}, 3 softmax outputs; Adam at 0.05. */
    static Network smallNetwork(String activation, long seed) {
        NetworkSpec spec = Specs.parse("""
                input { size = 4 }
                weight-init = xavier
                layers = [
                  { type = dense, units = 8, activation = %s }
                  { type = output, units = 3, activation = softmax, loss = cross-entropy }
                ]
                optimizer { type = adam, learning-rate = 0.05 }
                """.formatted(activation));
        return Network.build(spec, seed);
    }

    static SparkSession localSpark(String appName, String master) {
        return SparkSessions.start(SparkSessions.sparkConf(appName, master,
                new SparkSection(master, Map.of("spark.ui.enabled", "false"))));
    }
}
