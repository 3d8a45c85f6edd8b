package io.sparktrain.trainer.model;

/**
 * Turns an image into a flat vector. Optional before dense and output layers, which flatten an
 * image themselves; needed where a layer should see the image as one vector (e.g. batch-norm).
 */
public record FlattenLayerSpec() implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.FLATTEN;
    }
}
