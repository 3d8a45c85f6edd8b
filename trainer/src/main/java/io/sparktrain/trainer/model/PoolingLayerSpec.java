package io.sparktrain.trainer.model;

/** Max or average pooling over an image, per channel. */
public record PoolingLayerSpec(LayerType type, Window window) implements LayerSpec {
    public PoolingLayerSpec {
        if (type != LayerType.MAX_POOL && type != LayerType.AVG_POOL) {
            throw new IllegalArgumentException("not a pooling type: " + type);
        }
    }
}
