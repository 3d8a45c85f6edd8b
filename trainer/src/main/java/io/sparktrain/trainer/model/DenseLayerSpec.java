package io.sparktrain.trainer.model;

/**
 * A fully connected hidden layer.
 *
 * @param dropout probability of dropping an input of this layer during training (0 = no dropout)
 */
public record DenseLayerSpec(int units, Activation activation, double dropout) implements LayerSpec {}
