package io.sparktrain.trainer.model;

/**
 * A 2-D convolution over an image: {@code filters} output channels.
 *
 * @param dropout probability of dropping an input of this layer during training (0 = no dropout)
 */
public record Conv2dLayerSpec(int filters, Window window, Activation activation, double dropout,
        WeightInit weightInit) implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.CONV2D;
    }
}
