package io.sparktrain.trainer.model;

/** Drops each value of its input with probability {@code rate} during training; any shape. */
public record DropoutLayerSpec(double rate) implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.DROPOUT;
    }
}
