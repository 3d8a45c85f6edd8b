package io.sparktrain.trainer.model;

import java.util.List;

/** How the layers of a network connect: a stack ({@code model.layers}) or a graph ({@code model.graph}). */
public sealed interface Topology permits Topology.Sequential, Topology.Graph {
    /** The output layers, in the order their labels come in the data. */
    List<OutputLayerSpec> outputs();

    /** Every layer, in the order written. */
    List<LayerSpec> layers();

    /** Layers applied one after the other; the last one is the output layer. Builds a MultiLayerNetwork. */
    record Sequential(List<LayerSpec> layers) implements Topology {
        public Sequential {
            layers = List.copyOf(layers);
        }

        @Override
        public List<OutputLayerSpec> outputs() {
            return List.of((OutputLayerSpec) layers.get(layers.size() - 1));
        }
    }

    /**
     * Named vertices, each after the vertices it reads, and the output vertices in label order.
     * Builds a ComputationGraph.
     */
    record Graph(List<VertexSpec> vertices, List<String> outputNames) implements Topology {
        /** The name under which vertices read the network input. */
        public static final String INPUT = "input";

        public Graph {
            vertices = List.copyOf(vertices);
            outputNames = List.copyOf(outputNames);
        }

        @Override
        public List<OutputLayerSpec> outputs() {
            return outputNames.stream().map(name -> (OutputLayerSpec) vertex(name).layer()).toList();
        }

        @Override
        public List<LayerSpec> layers() {
            return vertices.stream().map(VertexSpec::layer).toList();
        }

        public VertexSpec vertex(String name) {
            return vertices.stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no vertex " + name));
        }
    }
}
