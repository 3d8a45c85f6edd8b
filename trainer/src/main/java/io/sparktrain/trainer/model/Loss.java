package io.sparktrain.trainer.model;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Loss functions an output layer may name, each with the output activations it is correct for:
 * multi-class cross-entropy needs softmax probabilities, binary cross-entropy (one yes/no per
 * unit: binary and multi-label) needs sigmoid ones.
 */
public enum Loss implements ConfigChoice {
    CROSS_ENTROPY("cross-entropy", LossMCXENT::new, Set.of(Activation.SOFTMAX)),
    BINARY_CROSS_ENTROPY("binary-cross-entropy", LossBinaryXENT::new, Set.of(Activation.SIGMOID)),
    MSE("mse", LossMSE::new, Set.of(Activation.values())),
    MAE("mae", LossMAE::new, Set.of(Activation.values()));

    private final String configName;
    private final Function<INDArray, ILossFunction> weighted;
    private final Set<Activation> outputActivations;

    Loss(String configName, Function<INDArray, ILossFunction> weighted, Set<Activation> outputActivations) {
        this.configName = configName;
        this.weighted = weighted;
        this.outputActivations = outputActivations;
    }

    @Override
    public String configName() {
        return configName;
    }

    /**
     * The DL4J loss; with class weights, DL4J's weighted form of it (each output unit's loss
     * multiplied by its weight). An empty list means unweighted.
     */
    public ILossFunction dl4j(List<Double> classWeights) {
        if (classWeights.isEmpty()) {
            return weighted.apply(null);
        }
        double[] weights = classWeights.stream().mapToDouble(Double::doubleValue).toArray();
        // DL4J wants a row vector [1, units].
        return weighted.apply(Nd4j.create(weights, new long[] {1, weights.length}));
    }

    public boolean fits(Activation activation) {
        return outputActivations.contains(activation);
    }

    public Set<Activation> outputActivations() {
        return outputActivations;
    }
}
