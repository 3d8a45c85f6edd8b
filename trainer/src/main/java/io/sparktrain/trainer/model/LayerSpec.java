package io.sparktrain.trainer.model;

/**
 * One layer of a network spec, as written under {@code model.layers} or as a vertex of
 * {@code model.graph}: one record per {@link LayerType}, holding what the config said with every
 * default already applied.
 */
public sealed interface LayerSpec permits DenseLayerSpec, Conv2dLayerSpec, PoolingLayerSpec, FlattenLayerSpec,
        DropoutLayerSpec, BatchNormLayerSpec, EmbeddingLayerSpec, LstmLayerSpec, OutputLayerSpec, MergeLayerSpec,
        AddLayerSpec {
    LayerType type();
}
