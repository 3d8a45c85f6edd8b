package io.sparktrain.trainer.model;

import java.util.List;

/**
 * One vertex of a graph network: a layer with a name, reading the outputs of the named vertices
 * (or the network input, {@link Topology.Graph#INPUT}).
 */
public record VertexSpec(String name, List<String> inputs, LayerSpec layer) {
    public VertexSpec {
        inputs = List.copyOf(inputs);
    }
}
