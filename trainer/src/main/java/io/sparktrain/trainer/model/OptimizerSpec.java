package io.sparktrain.trainer.model;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The optimizer (DL4J "updater") and its learning rate over time.
 *
 * @param learningRate initial step size
 * @param momentum     for sgd: 0 = plain SGD, otherwise Nesterov momentum
 */
public record OptimizerSpec(OptimizerType type, double learningRate, double momentum, LearningRateSchedule schedule) {
    public IUpdater toUpdater() {
        ISchedule rate = schedule.dl4j(learningRate);
        return switch (type) {
            case ADAM -> new Adam(rate);
            case SGD -> momentum > 0 ? new Nesterovs(rate, momentum) : new Sgd(rate);
            case RMSPROP -> new RmsProp(rate);
            case ADAGRAD -> new AdaGrad(rate);
        };
    }
}
