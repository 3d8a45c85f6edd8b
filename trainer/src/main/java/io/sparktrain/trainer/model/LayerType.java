package io.sparktrain.trainer.model;

/** The {@code type} of a layer or graph vertex. */
public enum LayerType implements ConfigChoice {
    DENSE("dense"),
    CONV2D("conv2d"),
    MAX_POOL("max-pool"),
    AVG_POOL("avg-pool"),
    FLATTEN("flatten"),
    DROPOUT("dropout"),
    BATCH_NORM("batch-norm"),
    EMBEDDING("embedding"),
    LSTM("lstm"),
    OUTPUT("output"),
    MERGE("merge"),
    ADD("add");

    private final String configName;

    LayerType(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Merge and add join several inputs, so only a graph can hold them. */
    public boolean joinsInputs() {
        return this == MERGE || this == ADD;
    }
}
