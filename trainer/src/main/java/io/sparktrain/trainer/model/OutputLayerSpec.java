package io.sparktrain.trainer.model;

import java.util.List;

/**
 * A fully connected layer that carries the loss; on a sequence it predicts at every step.
 *
 * @param classWeights one weight per unit multiplying its loss (empty: unweighted)
 * @param dropout      probability of dropping an input of this layer during training
 */
public record OutputLayerSpec(int units, Activation activation, Loss loss, List<Double> classWeights, double dropout,
        WeightInit weightInit) implements LayerSpec {
    public OutputLayerSpec {
        classWeights = List.copyOf(classWeights);
    }

    @Override
    public LayerType type() {
        return LayerType.OUTPUT;
    }
}
