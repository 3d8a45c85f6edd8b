package io.sparktrain.trainer.model;

/** One layer of a network spec, as written under {@code model.layers} in a job config. */
public sealed interface LayerSpec permits DenseLayerSpec, OutputLayerSpec {
    /** Number of output units (neurons) of the layer. */
    int units();
}
