package io.sparktrain.trainer.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Loss functions an output layer may name, each with the output activations it is correct for:
 * multi-class cross-entropy needs softmax probabilities, binary cross-entropy needs sigmoid ones.
 */
public enum Loss {
    CROSS_ENTROPY("cross-entropy", LossFunction.MCXENT, Set.of(Activation.SOFTMAX)),
    BINARY_CROSS_ENTROPY("binary-cross-entropy", LossFunction.XENT, Set.of(Activation.SIGMOID)),
    MSE("mse", LossFunction.MSE, Set.of(Activation.values())),
    MAE("mae", LossFunction.L1, Set.of(Activation.values()));

    private final String configName;
    private final LossFunction dl4j;
    private final Set<Activation> outputActivations;

    Loss(String configName, LossFunction dl4j, Set<Activation> outputActivations) {
        this.configName = configName;
        this.dl4j = dl4j;
        this.outputActivations = outputActivations;
    }

    public String configName() {
        return configName;
    }

    public LossFunction dl4j() {
        return dl4j;
    }

    public boolean fits(Activation activation) {
        return outputActivations.contains(activation);
    }

    public Set<Activation> outputActivations() {
        return outputActivations;
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(Loss::configName).toList();
    }

    public static Loss fromConfigName(String name) {
        return Arrays.stream(values()).filter(l -> l.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown loss " + name));
    }
}
