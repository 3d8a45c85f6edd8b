package io.sparktrain.trainer.model;

import java.util.List;

/**
 * A feed-forward network described in the job config, the way a Keras {@code Sequential} is.
 *
 * @param inputSize  number of input features per example
 * @param weightInit DL4J weight initialisation, by config name (e.g. {@code relu}, {@code xavier})
 * @param layers     hidden layers then exactly one output layer, last
 * @param optimizer  updater and learning rate
 * @param l2         L2 regularisation coefficient on weights (0 = none)
 */
public record NetworkSpec(int inputSize, String weightInit, List<LayerSpec> layers, OptimizerSpec optimizer, double l2) {
    public NetworkSpec {
        layers = List.copyOf(layers);
    }

    public OutputLayerSpec outputLayer() {
        return (OutputLayerSpec) layers.get(layers.size() - 1);
    }
}
