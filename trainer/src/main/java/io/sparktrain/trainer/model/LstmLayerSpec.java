package io.sparktrain.trainer.model;

/**
 * An LSTM over a sequence.
 *
 * @param returnSequences true: its output at every step (a sequence); false: only at the last
 *                        unmasked step (a flat vector), as Keras' {@code return_sequences}
 * @param dropout         probability of dropping an input of this layer during training
 */
public record LstmLayerSpec(int units, Activation activation, boolean returnSequences, double dropout,
        WeightInit weightInit) implements LayerSpec {
    @Override
    public LayerType type() {
        return LayerType.LSTM;
    }
}
