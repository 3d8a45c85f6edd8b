package io.sparktrain.config;

import io.sparktrain.trainer.model.ConfigChoice;

/** How replicas of the network train together ({@code train.strategy}). */
public enum Strategy implements ConfigChoice {
    /** dl4j-spark parameter averaging. */
    AVERAGING("averaging"),
    /** dl4j-spark-parameterserver gradient sharing (threshold-encoded updates over Aeron). */
    SHARING("sharing"),
    /** Workers in a Spark barrier stage averaging the gradient in every step over a TCP ring. */
    ALLREDUCE("allreduce"),
    /** One JVM, the driver: the baseline every distributed strategy is compared with. */
    LOCAL("local");

    private final String configName;

    Strategy(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Whether its workers train from minibatch files exported to {@code train.averaging.work-dir}. */
    public boolean exportsMinibatches(AveragingApproach approach) {
        return this == SHARING || this == ALLREDUCE || this == AVERAGING && approach == AveragingApproach.EXPORT;
    }

    @Override
    public String toString() {
        return configName;
    }
}
