package io.sparktrain.trainer.model;

/** The fully connected output layer that carries the loss. */
public record OutputLayerSpec(int units, Activation activation, Loss loss) implements LayerSpec {}
