package io.sparktrain.config;

import io.sparktrain.trainer.model.ConfigChoice;

/** When dl4j-spark parameter averaging repartitions the training data ({@code train.averaging.repartition}). */
public enum Repartitioning implements ConfigChoice {
    ALWAYS("always"),
    NEVER("never"),
    NUM_PARTITIONS_WORKERS_DIFFERS("num-partitions-workers-differs");

    private final String configName;

    Repartitioning(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
