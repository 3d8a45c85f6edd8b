package io.sparktrain.trainer.model;

/** Weight initialisations a spec may name (globally or per layer), with the DL4J scheme each maps to. */
public enum WeightInit implements ConfigChoice {
    RELU("relu", org.deeplearning4j.nn.weights.WeightInit.RELU),
    RELU_UNIFORM("relu-uniform", org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM),
    XAVIER("xavier", org.deeplearning4j.nn.weights.WeightInit.XAVIER),
    XAVIER_UNIFORM("xavier-uniform", org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM),
    LECUN_NORMAL("lecun-normal", org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL),
    NORMAL("normal", org.deeplearning4j.nn.weights.WeightInit.NORMAL),
    UNIFORM("uniform", org.deeplearning4j.nn.weights.WeightInit.UNIFORM),
    ZERO("zero", org.deeplearning4j.nn.weights.WeightInit.ZERO);

    private final String configName;
    private final org.deeplearning4j.nn.weights.WeightInit dl4j;

    WeightInit(String configName, org.deeplearning4j.nn.weights.WeightInit dl4j) {
        this.configName = configName;
        this.dl4j = dl4j;
    }

    @Override
    public String configName() {
        return configName;
    }

    public org.deeplearning4j.nn.weights.WeightInit dl4j() {
        return dl4j;
    }
}
