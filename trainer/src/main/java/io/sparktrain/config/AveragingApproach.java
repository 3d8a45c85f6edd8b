package io.sparktrain.config;

import io.sparktrain.trainer.model.ConfigChoice;

/** How dl4j-spark parameter averaging feeds its workers ({@code train.averaging.approach}). */
public enum AveragingApproach implements ConfigChoice {
    /** Minibatches saved once to the work directory and reused every epoch. */
    EXPORT("export"),
    /** Minibatches handed to the workers straight from the RDD every epoch. */
    DIRECT("direct");

    private final String configName;

    AveragingApproach(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
