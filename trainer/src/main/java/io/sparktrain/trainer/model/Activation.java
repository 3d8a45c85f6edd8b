package io.sparktrain.trainer.model;

/** Activation functions a layer spec may name, with the DL4J function each maps to. */
public enum Activation implements ConfigChoice {
    RELU("relu", org.nd4j.linalg.activations.Activation.RELU),
    LEAKYRELU("leakyrelu", org.nd4j.linalg.activations.Activation.LEAKYRELU),
    TANH("tanh", org.nd4j.linalg.activations.Activation.TANH),
    SIGMOID("sigmoid", org.nd4j.linalg.activations.Activation.SIGMOID),
    SOFTMAX("softmax", org.nd4j.linalg.activations.Activation.SOFTMAX),
    IDENTITY("identity", org.nd4j.linalg.activations.Activation.IDENTITY),
    LINEAR("linear", org.nd4j.linalg.activations.Activation.IDENTITY);

    private final String configName;
    private final org.nd4j.linalg.activations.Activation dl4j;

    Activation(String configName, org.nd4j.linalg.activations.Activation dl4j) {
        this.configName = configName;
        this.dl4j = dl4j;
    }

    @Override
    public String configName() {
        return configName;
    }

    public org.nd4j.linalg.activations.Activation dl4j() {
        return dl4j;
    }
}
