package io.sparktrain.trainer.model;

/**
 * A fully connected hidden layer; on an image input it flattens the image first.
 *
 * @param dropout probability of dropping an input of this layer during training (0 = no dropout)
 */
public record DenseLayerSpec(int units, Activation activation, double dropout, WeightInit weightInit)
        implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.DENSE;
    }
}
