package io.sparktrain.trainer.model;

/**
 * A learned vector of {@code dimension} values per token index from 0 to {@code vocabSize - 1}.
 * It reads the network input directly: a sequence of token indices (one per step), or a single
 * index per example.
 */
public record EmbeddingLayerSpec(int vocabSize, int dimension, WeightInit weightInit) implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.EMBEDDING;
    }
}
