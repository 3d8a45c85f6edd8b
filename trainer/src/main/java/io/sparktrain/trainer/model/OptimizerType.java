package io.sparktrain.trainer.model;

/** The optimizers (DL4J updaters) a spec may name. */
public enum OptimizerType implements ConfigChoice {
    ADAM("adam"),
    SGD("sgd"),
    RMSPROP("rmsprop"),
    ADAGRAD("adagrad");

    private final String configName;

    OptimizerType(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
