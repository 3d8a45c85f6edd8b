package io.sparktrain.trainer.model;

import java.util.Arrays;
import java.util.List;

/** Activation functions a layer spec may name, with the DL4J function each maps to. */
public enum Activation {
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

    public String configName() {
        return configName;
    }

    public org.nd4j.linalg.activations.Activation dl4j() {
        return dl4j;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(Activation::configName).toList();
    }

    public static Activation fromConfigName(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown activation " + name));
    }
}
