package io.sparktrain.trainer.model;

/** Adds inputs of identical shape element by element, e.g. for a residual connection. */
public record AddLayerSpec() implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.ADD;
    }
}
