package io.sparktrain.trainer.model;

import java.util.List;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The optimizer (DL4J "updater").
 *
 * @param type         {@code adam} or {@code sgd}
 * @param learningRate step size
 * @param momentum     for sgd: 0 = plain SGD, otherwise Nesterov momentum
 */
public record OptimizerSpec(String type, double learningRate, double momentum) {
    public static final List<String> TYPES = List.of("adam", "sgd");

    public IUpdater toUpdater() {
        return switch (type) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> momentum > 0 ? new Nesterovs(learningRate, momentum) : new Sgd(learningRate);
            default -> throw new IllegalStateException("optimizer type " + type + " was not validated");
        };
    }
}
