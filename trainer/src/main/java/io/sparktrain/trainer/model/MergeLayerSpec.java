package io.sparktrain.trainer.model;

/** Concatenates its inputs: vectors end to end, images and sequences along channels/features. */
public record MergeLayerSpec() implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.MERGE;
    }
}
