package io.sparktrain.config;

import io.sparktrain.trainer.model.ConfigChoice;

/** How gradient sharing picks the threshold of the updates it sends ({@code train.sharing.threshold-algorithm}). */
public enum ThresholdAlgorithm implements ConfigChoice {
    /** The threshold follows a sparsity band. */
    ADAPTIVE("adaptive"),
    /** A constant threshold. */
    FIXED("fixed"),
    /** The threshold that sends a target fraction of the gradient's entries. */
    TARGET_SPARSITY("target-sparsity");

    private final String configName;

    ThresholdAlgorithm(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
