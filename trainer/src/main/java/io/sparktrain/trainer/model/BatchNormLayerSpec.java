package io.sparktrain.trainer.model;

/** Batch normalization: per unit of a flat input, per channel of an image. */
public record BatchNormLayerSpec() implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.BATCH_NORM;
    }
}
